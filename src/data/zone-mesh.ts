/**
 * Zones as one mesh for the GPU zone layer (map/zone-layer.ts): every version of every zone is
 * triangulated once, with earcut (the triangulator MapLibre itself uses), so that moving in time
 * draws other ranges of the same buffers instead of re-tiling polygons. Pure: no DOM, no map.
 *
 * One vertex buffer serves both fills and edges. Each ring is stored closed (its first vertex
 * repeated) and followed by a break vertex; edge segments join each vertex to the next, and a
 * segment touching a break is dropped by the shader, so rings and zones never connect.
 */
import earcut from 'earcut';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from './types';
import { buildMapFeatures, type MapFeatures, type ZoneFeatureProps } from './map-features';
import {
  APPROXIMATE,
  BREAK,
  CONTESTED,
  OTHER,
  FILL_FLOATS,
  MAX_FACTIONS,
  mercator,
  VERTEX_FLOATS,
  type ZoneMesh,
  type ZoneRange,
} from './zone-ranges';

export function buildZoneMesh(
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProps>,
  factionIds: readonly string[],
): ZoneMesh {
  if (factionIds.length >= MAX_FACTIONS)
    throw new Error(`The zone layer draws at most ${MAX_FACTIONS - 1} factions.`);
  const sorted = [...zones.features].sort(
    (a, b) => a.properties.t0 - b.properties.t0 || a.properties.t1 - b.properties.t1,
  );
  let vertexCount = 1; // a final break vertex, so the last segment never reads past the end
  for (const f of sorted)
    for (const polygon of polygonsOf(f.geometry))
      for (const ring of polygon) vertexCount += closed(ring).length + 1;
  const vertices = new Float32Array(vertexCount * VERTEX_FLOATS);
  const indices: number[] = [];
  const out: ZoneRange[] = [];
  let v = 0;
  const put = (x: number, y: number, dist: number, code: number) => {
    const o = v * VERTEX_FLOATS;
    vertices[o] = x;
    vertices[o + 1] = y;
    vertices[o + 2] = dist;
    vertices[o + 3] = code;
    v++;
  };
  const fill: number[] = [];
  for (const f of sorted) {
    const faction = factionIds.indexOf(f.properties.faction);
    const other = f.properties.contested ? factionIds.indexOf(f.properties.contested) : -1;
    const code =
      (faction < 0 ? factionIds.length : faction) +
      (f.properties.approximate ? APPROXIMATE : 0) +
      (f.properties.contested ? CONTESTED + OTHER * (other < 0 ? factionIds.length : other) : 0);
    const fillFirst = indices.length;
    const lineFirst = v;
    const bbox: ZoneRange['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygonsOf(f.geometry)) {
      const rings: [number, number][][] = [];
      for (const ring of polygon) {
        const pts = closed(ring).map(mercator);
        let dist = 0;
        for (const [i, [x, y]] of pts.entries()) {
          if (i > 0) dist += Math.hypot(x - pts[i - 1][0], y - pts[i - 1][1]);
          bbox[0] = Math.min(bbox[0], x);
          bbox[1] = Math.min(bbox[1], y);
          bbox[2] = Math.max(bbox[2], x);
          bbox[3] = Math.max(bbox[3], y);
          put(x, y, dist, code);
        }
        put(pts[pts.length - 1][0], pts[pts.length - 1][1], dist, code + BREAK);
        rings.push(pts.slice(0, -1));
      }
      triangulateInCells(rings, code, fill, indices);
    }
    out.push({
      id: f.properties.id,
      t0: f.properties.t0,
      t1: f.properties.t1,
      fillFirst,
      fillCount: indices.length - fillFirst,
      lineFirst,
      lineCount: v - lineFirst,
      bbox,
    });
  }
  put(0, 0, 0, BREAK);
  return {
    vertices,
    fillVertices: Float32Array.from(fill),
    indices: Uint32Array.from(indices),
    zones: out,
  };
}

/**
 * Fills are triangulated per cell of CELL × CELL (Mercator units, about 39 km), as MapLibre
 * triangulates per tile, so no triangle is a sliver across a whole front. (Not measured on its
 * own: the slow part of the first GPU zones turned out to be instanced edges, zone-layer.ts.)
 */
export const CELL = 1 / 1024;

/** Clips a polygon (open rings, outer first) to each cell it touches and triangulates it. */
function triangulateInCells(
  rings: [number, number][][],
  code: number,
  fill: number[],
  indices: number[],
) {
  const outer = rings[0];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  for (let cx = Math.floor(x0 / CELL); cx * CELL < x1; cx++)
    for (let cy = Math.floor(y0 / CELL); cy * CELL < y1; cy++) {
      const box = [cx * CELL, cy * CELL, (cx + 1) * CELL, (cy + 1) * CELL] as const;
      const outerPart = clipRing(outer, box);
      if (outerPart.length < 3) continue;
      const flat: number[] = [];
      const holes: number[] = [];
      for (const r of [outerPart, ...rings.slice(1).map((h) => clipRing(h, box))]) {
        if (r.length < 3) continue;
        if (flat.length) holes.push(flat.length / 2);
        for (const [x, y] of r) flat.push(x, y);
      }
      const base = fill.length / FILL_FLOATS;
      for (let i = 0; i < flat.length; i += 2) fill.push(flat[i], flat[i + 1], code);
      for (const i of earcut(flat, holes, 2)) indices.push(base + i);
    }
}

/** Sutherland–Hodgman: an open ring clipped to an axis-aligned box (a concave ring may keep
 * zero-width bridges along the box's edges, which fill nothing). */
function clipRing(
  ring: [number, number][],
  [x0, y0, x1, y1]: readonly [number, number, number, number],
): [number, number][] {
  let out = ring;
  const edges: [0 | 1, number, boolean][] = [
    [0, x0, false],
    [0, x1, true],
    [1, y0, false],
    [1, y1, true],
  ];
  for (const [axis, bound, below] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i];
      const b = input[(i + 1) % input.length];
      const inA = below ? a[axis] <= bound : a[axis] >= bound;
      const inB = below ? b[axis] <= bound : b[axis] >= bound;
      if (inA) out.push(a);
      if (inA !== inB) {
        const t = (bound - a[axis]) / (b[axis] - a[axis]);
        out.push(
          axis === 0 ? [bound, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), bound],
        );
      }
    }
    if (!out.length) break;
  }
  return out;
}

function polygonsOf(g: Polygon | MultiPolygon): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** The ring with its first vertex repeated at the end (GeoJSON rings already are). */
function closed(ring: number[][]): number[][] {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
}

/**
 * Builds the map features of a dataset as it loads, the zones triangulated the first time only:
 * the full dataset that follows its base layers has the same zones, and the page keeps the mesh
 * it was sent (tens of MB for a year of daily fronts).
 */
export function featuresWithMeshOnce(): (dataset: Dataset) => MapFeatures {
  let meshBuilt = false;
  return (dataset) => {
    const features = buildMapFeatures(dataset);
    if (meshBuilt) return features;
    meshBuilt = true;
    return {
      ...features,
      zoneMesh: buildZoneMesh(
        features.zones,
        dataset.manifest.factions.map((f) => f.id),
      ),
    };
  };
}
