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
import type { ZoneFeatureProps } from './map-features';
import {
  APPROXIMATE,
  BREAK,
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
  for (const f of sorted) {
    const faction = factionIds.indexOf(f.properties.faction);
    const code =
      (faction < 0 ? factionIds.length : faction) + (f.properties.approximate ? APPROXIMATE : 0);
    const fillFirst = indices.length;
    const lineFirst = v;
    const bbox: ZoneRange['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygonsOf(f.geometry)) {
      // earcut takes the rings without their closing vertex, flattened, with hole offsets.
      const flat: number[] = [];
      const holes: number[] = [];
      const bufferIndex: number[] = [];
      for (const [r, ring] of polygon.entries()) {
        const pts = closed(ring).map(mercator);
        if (r > 0) holes.push(flat.length / 2);
        let dist = 0;
        for (const [i, [x, y]] of pts.entries()) {
          if (i > 0) dist += Math.hypot(x - pts[i - 1][0], y - pts[i - 1][1]);
          if (i < pts.length - 1) {
            flat.push(x, y);
            bufferIndex.push(v);
          }
          bbox[0] = Math.min(bbox[0], x);
          bbox[1] = Math.min(bbox[1], y);
          bbox[2] = Math.max(bbox[2], x);
          bbox[3] = Math.max(bbox[3], y);
          put(x, y, dist, code);
        }
        put(pts[pts.length - 1][0], pts[pts.length - 1][1], dist, code + BREAK);
      }
      for (const i of earcut(flat, holes, 2)) indices.push(bufferIndex[i]);
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
  return { vertices, indices: Uint32Array.from(indices), zones: out };
}

function polygonsOf(g: Polygon | MultiPolygon): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** The ring with its first vertex repeated at the end (GeoJSON rings already are). */
function closed(ring: number[][]): number[][] {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, a];
}

const built = new WeakMap<object, ZoneMesh>();

/**
 * The dataset's zone mesh, built once per zones array (the loading worker asks twice: when the
 * base layers are in, and when everything is).
 */
export function zoneMeshOf(
  dataset: Dataset,
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProps>,
): ZoneMesh {
  const cached = built.get(dataset.zones);
  if (cached) return cached;
  const mesh = buildZoneMesh(
    zones,
    dataset.manifest.factions.map((f) => f.id),
  );
  built.set(dataset.zones, mesh);
  return mesh;
}
