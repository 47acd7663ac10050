/**
 * Voronoi cells cut to their reach (split from derive-zones.ts; shared with derive-fronts.ts):
 * the cells' shared edges, each cell's neighbours, and each cell cut to its seed's and its
 * same-group neighbours' reach circles inside the country. Pure; scripts and tests only.
 */
import circle from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Seed } from './derive-zones';

type Area = Polygon | MultiPolygon;

export interface ClippedCell {
  /** Where this cell may be painted: the reach circles of its seed and of its neighbours of the
   * same group, inside the country (null: nowhere). */
  mask: Feature<Area> | null;
  /** The cell cut to its mask (null: nothing painted). */
  piece: Feature<Area> | null;
  /** Same key, same piece: lets callers memoise what they build from pieces. */
  key: string;
}

/** A position as a map key, to 1e-9 degrees. */
export const key9 = (p: Position) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`;

/** Every edge of a Voronoi diagram's cells, keyed by its two ends (cells of one diagram share
 * their edges' vertices exactly), with the indices of the cells that have it. */
export function cellEdges(
  cells: (Feature<Polygon> | undefined)[],
): Map<string, { a: Position; b: Position; cells: number[] }> {
  const edges = new Map<string, { a: Position; b: Position; cells: number[] }>();
  cells.forEach((cell, i) => {
    const ring = cell?.geometry?.coordinates[0];
    if (!ring) return;
    for (let j = 0; j + 1 < ring.length; j++) {
      const [a, b] = [ring[j], ring[j + 1]];
      const k = [key9(a), key9(b)].sort().join('|');
      const e = edges.get(k) ?? { a, b, cells: [] };
      e.cells.push(i);
      edges.set(k, e);
    }
  });
  return edges;
}

/** For each cell of a Voronoi diagram, the indices of the cells that share an edge with it. */
export function neighboursOf(cells: (Feature<Polygon> | undefined)[]): number[][] {
  const out: number[][] = cells.map(() => []);
  for (const { cells: pair } of cellEdges(cells).values())
    if (pair.length === 2) {
      out[pair[0]].push(pair[1]);
      out[pair[1]].push(pair[0]);
    }
  return out;
}

/**
 * Cuts a Voronoi cell to the reach of its seed (a 64-step geodesic circle, @turf/circle) and of
 * its neighbours of the same group. In exact arithmetic a neighbour's circle adds nothing (a
 * point of the cell is nearer its own seed); it is there so two neighbouring cells of one group
 * are cut along their shared edge by the same polygons, at the same points, and dissolve
 * without slivers. Memoised: most cells recur unchanged from one version to the next.
 */
export function cellClipper(
  country: Feature<Area>,
): (cell: Feature<Polygon>, own: Seed, sameGroup: Seed[]) => ClippedCell {
  const circles = new Map<string, Feature<Polygon>>();
  const masks = new Map<string, Feature<Area> | null>();
  const pieces = new Map<string, ClippedCell>();
  const keyOf = (s: Seed) => `${s.at.join(',')},${s.reachKm}`;
  const circleOf = (s: Seed) => {
    const k = keyOf(s);
    let c = circles.get(k);
    if (!c) {
      c = circle(s.at, s.reachKm, { steps: 64, units: 'kilometers' });
      circles.set(k, c);
    }
    return c;
  };
  return (cell, own, sameGroup) => {
    const near = [own, ...sameGroup];
    const maskKey = near.map(keyOf).sort().join(';');
    const key = `${JSON.stringify(cell.geometry.coordinates)}|${maskKey}`;
    const known = pieces.get(key);
    if (known) return known;
    if (!masks.has(maskKey)) {
      const cs = near.map(circleOf);
      const reach = cs.length === 1 ? cs[0] : union(featureCollection<Area>(cs));
      masks.set(maskKey, reach && intersect(featureCollection<Area>([reach, country])));
    }
    const mask = masks.get(maskKey) ?? null;
    const piece = mask && intersect(featureCollection<Area>([cell, mask]));
    const out = { mask, piece, key: String(pieces.size) };
    pieces.set(key, out);
    return out;
  };
}

/** Each cell cut by cellClipper: its own and its same-group neighbours' reach. */
export function clipCells(
  clip: ReturnType<typeof cellClipper>,
  cells: (Feature<Polygon> | undefined)[],
  seeds: Seed[],
): (ClippedCell | null)[] {
  const neighbours = neighboursOf(cells);
  const groupOf = (s: Seed) => `${s.faction}|${s.group}`;
  return cells.map((cell, i) =>
    cell?.geometry
      ? clip(
          cell,
          seeds[i],
          neighbours[i].filter((j) => groupOf(seeds[j]) === groupOf(seeds[i])).map((j) => seeds[j]),
        )
      : null,
  );
}
