/**
 * The topology rule across files: zones of different factions never overlap at the same moment.
 * Polygon intersection (turf, polyclip-ts) is heavy, in code and in time, so the loader imports
 * this module only when topology checks are on (the CLI and CI); the app never downloads it.
 */
import area from '@turf/area';
import intersect from '@turf/intersect';
import type { Problem } from '../problems';
import { zoneInterval } from '../timeline';
import type { Zone } from '../types';
import type { Located } from './validate-dataset';

/** Overlaps smaller than this (m²) are drawing noise along shared edges, not a contradiction. */
export const OVERLAP_TOLERANCE_M2 = 10_000;

type Box = [number, number, number, number];
function bboxOf(z: Zone): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
  for (const poly of polys)
    for (const [x, y] of poly[0]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

/**
 * Returns a problem for each pair of zones of different factions that are valid at a common
 * moment and share more than OVERLAP_TOLERANCE_M2 of area (geodesic, turf area).
 */
export function checkZoneOverlaps(zones: Located<Zone>[]): Problem[] {
  // Zones derived per version repeat the same geometry over many versions: intersect each pair
  // of distinct geometries once.
  const shapes = new Map<string, number>();
  const shapeOf = (z: Zone) => {
    const key = JSON.stringify(z.geometry.coordinates);
    let id = shapes.get(key);
    if (id === undefined) {
      id = shapes.size;
      shapes.set(key, id);
    }
    return id;
  };
  const items = zones
    .map((z) => ({
      ...z,
      ...zoneInterval(z.feature),
      box: bboxOf(z.feature),
      shape: shapeOf(z.feature),
    }))
    .sort((a, b) => a.t0 - b.t0);
  const shared = new Map<string, number>();
  const sharedM2 = (a: (typeof items)[number], b: (typeof items)[number]) => {
    const key = a.shape < b.shape ? `${a.shape}|${b.shape}` : `${b.shape}|${a.shape}`;
    let m2 = shared.get(key);
    if (m2 === undefined) {
      const both = intersect({ type: 'FeatureCollection', features: [a.feature, b.feature] });
      m2 = both ? area(both) : 0;
      shared.set(key, m2);
    }
    return m2;
  };
  const out: Problem[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    for (let j = i + 1; j < items.length && items[j].t0 < a.t1; j++) {
      const b = items[j];
      if (a.feature.properties.faction === b.feature.properties.faction) continue;
      if (b.box[0] > a.box[2] || b.box[2] < a.box[0] || b.box[1] > a.box[3] || b.box[3] < a.box[1])
        continue;
      const m2 = sharedM2(a, b);
      if (m2 > OVERLAP_TOLERANCE_M2)
        out.push({
          severity: 'error',
          file: b.file,
          featureId: b.feature.id,
          property: 'geometry',
          message: `overlaps zone ${a.feature.id} (${a.feature.properties.faction}, in ${a.file}) by ${(m2 / 1e6).toFixed(2)} km² while both are valid`,
          fix: 'a place has one controller at a time: cut one zone, or end one before the other starts',
        });
    }
  }
  return out;
}
