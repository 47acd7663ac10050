/**
 * Front lines derived with the zones (scripts/derive-zones.ts; the app never imports this):
 * at each zone version, the line where the areas of two factions meet. The zones are Voronoi
 * cells of the places (derive-zones.ts), so two factions' areas meet exactly along the Voronoi
 * edges between a seed of one and a seed of the other, where both cells are painted: inside
 * both cells' reach masks (cellClipper: the reach circles of the cell's group inside the
 * country, as the zones are cut). Each such edge is split where it crosses either mask's
 * outline, and the pieces whose middle lies inside both are kept, then chained into lines, one
 * MultiLineString per pair of factions and version. Approximate, like the zones.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, lineString, point } from '@turf/helpers';
import lineIntersect from '@turf/line-intersect';
import voronoi from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { formatIsoUtc } from '../../lib/time';
import {
  type DeriveInput,
  diagramBox,
  placesInside,
  REACH_KM,
  cellClipper,
  seedsAt,
  versionTimes,
} from './derive-zones';
import type { Json } from '../format-json';
import { cellEdges, clipCells, key9 } from './cell-clip';

export const FRONTS_SOURCE =
  'derived: edges between Voronoi cells of places held by different factions (scripts/derive-zones.ts); control sources per place in layers/places.geojson';

type Area = Polygon | MultiPolygon;
type Segment = [Position, Position];

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6 + 0;

/** Where along a→b (0..1) the segment crosses the outline of `area`. */
function crossings(a: Position, b: Position, area: Feature<Area>): number[] {
  const hits = lineIntersect(lineString([a, b]), area).features;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  return hits.map((h) => {
    const [x, y] = h.geometry.coordinates;
    return ((x - a[0]) * dx + (y - a[1]) * dy) / len2;
  });
}

/** The pieces of a→b inside every one of `areas`. */
function piecesInside(a: Position, b: Position, areas: Feature<Area>[]): Segment[] {
  const cuts = [0, 1, ...areas.flatMap((area) => crossings(a, b, area))]
    .filter((s) => s >= 0 && s <= 1)
    .sort((x, y) => x - y);
  const at = (s: number): Position => [a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1])];
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1] - cuts[i] < 1e-9) continue;
    const mid = at((cuts[i] + cuts[i + 1]) / 2);
    if (areas.every((area) => booleanPointInPolygon(mid, area)))
      out.push([at(cuts[i]), at(cuts[i + 1])]);
  }
  return out;
}

/** Segments chained into lines where one ends where another starts (either way round). */
function chain(segments: Segment[]): Position[][] {
  const left = segments.map((s) => s.map((p) => [round6(p[0]), round6(p[1])]) as Segment);
  const lines: Position[][] = [];
  while (left.length) {
    const line = [...(left.shift() as Segment)];
    let grown = true;
    while (grown) {
      grown = false;
      for (let i = 0; i < left.length; i++) {
        const [p, q] = left[i];
        const head = key9(line[0]);
        const tail = key9(line[line.length - 1]);
        if (key9(p) === tail) line.push(q);
        else if (key9(q) === tail) line.push(p);
        else if (key9(q) === head) line.unshift(p);
        else if (key9(p) === head) line.unshift(q);
        else continue;
        left.splice(i, 1);
        grown = true;
        break;
      }
    }
    const dedup = line.filter((p, i) => i === 0 || key9(p) !== key9(line[i - 1]));
    if (dedup.length >= 2) lines.push(dedup);
  }
  return lines.sort((x, y) => x[0][0] - y[0][0] || x[0][1] - y[0][1]);
}

/** The front-line features (not yet in canonical layout: see fixLayer). */
/** `clip` may be shared with deriveZones (same input), which saves cutting every cell twice. */
export function deriveFronts(input: DeriveInput, clip = cellClipper(input.country)): Json[] {
  const { country, factions } = input;
  const inside = placesInside(input.places, country);
  const versions = versionTimes(input);
  const bbox = diagramBox(country);
  const out: Json[] = [];
  versions.forEach((t, vi) => {
    const seeds = seedsAt(input, inside, t);
    const cells = voronoi(featureCollection(seeds.map((s) => point(s.at))), { bbox });
    const clipped = clipCells(clip, cells.features, seeds);
    const edges = cellEdges(cells.features);
    const byPair = new Map<string, Segment[]>();
    for (const { a, b, cells: pair } of edges.values()) {
      if (pair.length !== 2) continue;
      const [s1, s2] = pair.map((i) => seeds[i]);
      if (s1.faction === s2.faction) continue;
      const [m1, m2] = pair.map((i) => clipped[i]?.mask);
      if (!m1 || !m2) continue;
      const pieces = piecesInside(a, b, [m1, m2]);
      if (!pieces.length) continue;
      const ids = [s1.faction, s2.faction].sort(
        (x, y) => factions.indexOf(x) - factions.indexOf(y),
      );
      const k = ids.join('|');
      byPair.set(k, [...(byPair.get(k) ?? []), ...pieces]);
    }
    const validTo = vi + 1 < versions.length ? formatIsoUtc(versions[vi + 1]) : undefined;
    const pairs = [...byPair.keys()].sort((x, y) => {
      const [xa, xb] = x.split('|').map((f) => factions.indexOf(f));
      const [ya, yb] = y.split('|').map((f) => factions.indexOf(f));
      return xa - ya || xb - yb;
    });
    for (const k of pairs) {
      const lines = chain(byPair.get(k) ?? []);
      if (!lines.length) continue;
      const pair = k.split('|');
      const day = formatIsoUtc(t).slice(0, 16).replace(/[-:]/g, '').replace('T', 't');
      out.push({
        type: 'Feature',
        id: `front-${pair.join('-')}-${day}`,
        properties: {
          factions: pair,
          valid_from: formatIsoUtc(t),
          ...(validTo ? { valid_to: validTo } : {}),
          source: FRONTS_SOURCE,
          precision: 'approximate',
          note: `Approximation: where the derived zones of ${pair[0]} and ${pair[1]} meet (places within ${REACH_KM} km, Voronoi cells), not a surveyed front line.`,
        },
        geometry: (lines.length === 1
          ? { type: 'LineString', coordinates: lines[0] }
          : { type: 'MultiLineString', coordinates: lines }) as unknown as Json,
      });
    }
  });
  return out;
}
