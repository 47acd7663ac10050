/**
 * Comparing two moments A and B: per faction, the area held at each (geodesic km², @turf/area)
 * and the area gained and lost between them (@turf/difference of the dissolved zones active at
 * each moment); the places that changed hands, with the dated, sourced entries in between; and
 * the reports published in between. Pure; heavy polygon work, so the app runs it in a worker
 * (compare-in-worker.ts).
 */
import area from '@turf/area';
import difference from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseIsoTime } from '../../lib/time';
import { buildTimeline } from '../timeline';
import {
  CONTESTED_ROW,
  type ControlChange,
  type Dataset,
  type Place,
  type Report,
  type Zone,
} from '../types';

type Area = Polygon | MultiPolygon;

export { CONTESTED_ROW };

export interface FactionAreas {
  /** A faction id, or CONTESTED_ROW for contested zones (counted in no faction's row). */
  faction: string;
  /** km² held at A and at B, and B − A. */
  atA: number;
  atB: number;
  change: number;
  /** km² held at B but not at A, and at A but not at B. */
  gained: number;
  lost: number;
}

export interface AreaChangeProps {
  faction: string;
  change: 'gained' | 'lost';
  km2: number;
}

export interface PlaceChange {
  placeId: string;
  name: string;
  /** Controller at A and at B (null: not known). */
  atA: string | null;
  atB: string | null;
  /** The control entries dated after A and up to B, oldest first. */
  changes: ControlChange[];
}

export interface Comparison {
  a: number;
  b: number;
  factions: FactionAreas[];
  /** Gained and lost areas, per faction, to draw. */
  areas: Feature<Area, AreaChangeProps>[];
  places: PlaceChange[];
  /** Reports published after the earlier moment and up to the later one, oldest first. */
  reports: Report[];
}

const KM2 = 1e6;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** One faction's uncontested zones (or, for CONTESTED_ROW, every contested zone) among those
 * active at a moment, dissolved into one area (or null). */
function dissolved(active: readonly Zone[], faction: string): Feature<Area> | null {
  const parts = active.filter((z) =>
    faction === CONTESTED_ROW
      ? z.properties.contested !== undefined
      : z.properties.contested === undefined && z.properties.faction === faction,
  );
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] as unknown as Feature<Area>;
  return union(featureCollection(parts as unknown as Feature<Area>[]));
}

const areaOf = (f: Feature<Area> | null) => (f ? area(f) / KM2 : 0);

function minus(x: Feature<Area> | null, y: Feature<Area> | null): Feature<Area> | null {
  if (!x) return null;
  if (!y) return x;
  return difference(featureCollection([x, y]));
}

export function compareMoments(dataset: Dataset, a: number, b: number): Comparison {
  const timeline = buildTimeline(dataset);
  const activeA = timeline.zonesActiveAt(a);
  const activeB = timeline.zonesActiveAt(b);
  const controllerAt = (place: Place, t: number) =>
    timeline.controlAt(place.id, t)?.faction ?? null;
  const factions: FactionAreas[] = [];
  const areas: Feature<Area, AreaChangeProps>[] = [];
  for (const id of [...dataset.manifest.factions.map((f) => f.id), CONTESTED_ROW]) {
    const atA = dissolved(activeA, id);
    const atB = dissolved(activeB, id);
    const gained = minus(atB, atA);
    const lost = minus(atA, atB);
    const row: FactionAreas = {
      faction: id,
      atA: round2(areaOf(atA)),
      atB: round2(areaOf(atB)),
      change: round2(areaOf(atB) - areaOf(atA)),
      gained: round2(areaOf(gained)),
      lost: round2(areaOf(lost)),
    };
    if (row.atA || row.atB) factions.push(row);
    if (id === CONTESTED_ROW) continue; // a row of the table; the map marks contested zones itself
    for (const [geom, change] of [
      [gained, 'gained'],
      [lost, 'lost'],
    ] as const)
      if (geom)
        areas.push({
          type: 'Feature',
          geometry: geom.geometry,
          properties: { faction: id, change, km2: round2(areaOf(geom)) },
        });
  }
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const places: PlaceChange[] = [];
  for (const place of dataset.places) {
    const atA = controllerAt(place, a);
    const atB = controllerAt(place, b);
    if (atA === atB) continue;
    const changes = place.properties.control
      .filter((c) => {
        const t = parseIsoTime(c.from);
        return t !== null && t > lo && t <= hi;
      })
      .sort((x, y) => Date.parse(x.from) - Date.parse(y.from));
    places.push({ placeId: place.id, name: place.properties.name, atA, atB, changes });
  }
  places.sort(
    (x, y) =>
      Date.parse(x.changes[0]?.from ?? '') - Date.parse(y.changes[0]?.from ?? '') ||
      x.name.localeCompare(y.name),
  );
  const reports = dataset.reports
    .filter((r) => {
      const t = parseIsoTime(r.properties.reported_at);
      return t !== null && t > lo && t <= hi;
    })
    .sort((x, y) => Date.parse(x.properties.reported_at) - Date.parse(y.properties.reported_at));
  return { a, b, factions, areas, places, reports };
}
