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
import type { Dataset } from '../types';
import { buildMapFeatures, type MapFeatures, type ZoneFeatureProps } from '../map-features';
import {
  BREAK,
  FILL_FLOATS,
  MAX_FACTIONS,
  mercator,
  VERTEX_FLOATS,
  zoneCode,
  type ZoneMesh,
  type ZoneRange,
  vertexWriter,
} from './zone-ranges';
import { closed, polygonsOf } from './rings';

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
  const { put, written } = vertexWriter(vertices);
  const fill: number[] = [];
  for (const f of sorted) {
    const { faction, approximate, contested } = f.properties;
    const code = zoneCode(factionIds, faction, approximate, contested);
    const fillFirst = indices.length;
    const lineFirst = written();
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
      lineCount: written() - lineFirst,
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

/**
 * Cuts a polygon (open rings, outer first) into the cells it touches and triangulates each
 * piece. The cut is by halves (a quadtree of cells): each level clips every ring once against
 * one line, so a ring of n vertices over c cells costs about n·log c, where clipping it to
 * each cell in turn cost n·c (17 s for a year of 3,400-vertex daily zones; docs/performance.md).
 */
function triangulateInCells(
  rings: [number, number][][],
  code: number,
  fill: number[],
  indices: number[],
) {
  const outer = rings[0];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  const cx0 = Math.floor(x0 / CELL);
  const cy0 = Math.floor(y0 / CELL);
  const cx1 = Math.max(cx0 + 1, Math.ceil(x1 / CELL));
  const cy1 = Math.max(cy0 + 1, Math.ceil(y1 / CELL));
  const leaf = (parts: [number, number][][]) => {
    const flat: number[] = [];
    const holes: number[] = [];
    for (const r of parts) {
      if (r.length < 3) continue;
      if (flat.length) holes.push(flat.length / 2);
      for (const [x, y] of r) flat.push(x, y);
    }
    const base = fill.length / FILL_FLOATS;
    for (let i = 0; i < flat.length; i += 2) fill.push(flat[i], flat[i + 1], code);
    for (const i of earcut(flat, holes, 2)) indices.push(base + i);
  };
  /** `parts` lie within cells [ax, bx) × [ay, by); halves the longer side until one cell. */
  const cut = (parts: [number, number][][], ax: number, bx: number, ay: number, by: number) => {
    if (parts[0].length < 3) return;
    if (bx - ax === 1 && by - ay === 1) return leaf(parts);
    const axis = bx - ax >= by - ay ? 0 : 1;
    const mid = axis === 0 ? (ax + bx) >> 1 : (ay + by) >> 1;
    const line = mid * CELL;
    const keep = (below: boolean) =>
      parts.map((r) => clipHalf(r, axis, line, below)).filter((r, i) => i === 0 || r.length >= 3);
    if (axis === 0) {
      cut(keep(true), ax, mid, ay, by);
      cut(keep(false), mid, bx, ay, by);
    } else {
      cut(keep(true), ax, bx, ay, mid);
      cut(keep(false), ax, bx, mid, by);
    }
  };
  cut(rings, cx0, cx1, cy0, cy1);
}

/** Sutherland–Hodgman against one axis-aligned line: the part of an open ring at or below
 * (`below`) or at or above `bound` on `axis`. A concave ring may keep zero-width bridges along
 * the line, which fill nothing. */
function clipHalf(
  ring: [number, number][],
  axis: 0 | 1,
  bound: number,
  below: boolean,
): [number, number][] {
  const out: [number, number][] = [];
  const n = ring.length;
  if (n === 0) return out;
  let a = ring[n - 1];
  let inA = below ? a[axis] <= bound : a[axis] >= bound;
  for (let i = 0; i < n; i++) {
    const b = ring[i];
    const inB = below ? b[axis] <= bound : b[axis] >= bound;
    if (inA !== inB) {
      const t = (bound - a[axis]) / (b[axis] - a[axis]);
      out.push(axis === 0 ? [bound, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), bound]);
    }
    if (inB) out.push(b);
    a = b;
    inA = inB;
  }
  return out;
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
