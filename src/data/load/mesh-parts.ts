/**
 * Building the zone mesh in parts, on several threads: the zones are split, in time order, into
 * parts of about equal vertex counts; each part is triangulated by a mesh worker
 * (mesh-worker.ts) and the parts are joined into one mesh, the same layout zone-mesh.ts builds
 * (each part ends with a break vertex, so no edge joins two parts). Pure: no DOM, no workers.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ZoneFeatureProps } from '../map-features';
import { FILL_FLOATS, VERTEX_FLOATS, type ZoneMesh } from '../zones/zone-ranges';

/** Zone features sorted as the mesh stores them (t0, then t1). */
export function inMeshOrder<F extends { properties: ZoneFeatureProps }>(zones: readonly F[]): F[] {
  return [...zones].sort(
    (a, b) => a.properties.t0 - b.properties.t0 || a.properties.t1 - b.properties.t1,
  );
}

/** Vertices of a geometry (all rings). */
export function vertexCount(g: Polygon | MultiPolygon): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let n = 0;
  for (const p of polygons) for (const r of p) n += r.length;
  return n;
}

/**
 * Splits `weights` (in order) into at most `parts` consecutive runs of about equal sums;
 * returns the runs' end indices (exclusive). Never an empty run.
 */
export function splitEvenly(weights: readonly number[], parts: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const ends: number[] = [];
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    const k = ends.length + 1;
    if (k < parts && sum >= (total * k) / parts && i + 1 < weights.length) ends.push(i + 1);
  }
  ends.push(weights.length);
  return ends;
}

/** Joins meshes built from consecutive runs of zones (in mesh order) into one. */
export function joinMeshes(parts: readonly ZoneMesh[]): ZoneMesh {
  if (parts.length === 1) return parts[0];
  const sum = (f: (m: ZoneMesh) => number) => parts.reduce((a, m) => a + f(m), 0);
  const vertices = new Float32Array(sum((m) => m.vertices.length));
  const fillVertices = new Float32Array(sum((m) => m.fillVertices.length));
  const indices = new Uint32Array(sum((m) => m.indices.length));
  const zones: ZoneMesh['zones'] = [];
  let [v, f, i] = [0, 0, 0];
  for (const m of parts) {
    vertices.set(m.vertices, v);
    fillVertices.set(m.fillVertices, f);
    const fillBase = f / FILL_FLOATS;
    for (let k = 0; k < m.indices.length; k++) indices[i + k] = m.indices[k] + fillBase;
    for (const z of m.zones)
      zones.push({ ...z, fillFirst: z.fillFirst + i, lineFirst: z.lineFirst + v / VERTEX_FLOATS });
    v += m.vertices.length;
    f += m.fillVertices.length;
    i += m.indices.length;
  }
  return { vertices, fillVertices, indices, zones };
}
