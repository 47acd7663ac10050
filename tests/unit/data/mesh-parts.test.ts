import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dayGeometry, fractalNoise } from '../../../scripts/lib/synthetic-real-zones';
import type { ZoneFeatureProps } from '../../../src/data/map-features';
import {
  inMeshOrder,
  joinMeshes,
  splitEvenly,
  vertexCount,
} from '../../../src/data/load/mesh-parts';
import { buildZoneMesh } from '../../../src/data/zones/zone-mesh';
import { FILL_FLOATS, VERTEX_FLOATS, type ZoneMesh } from '../../../src/data/zones/zone-ranges';

const noise = {
  main: fractalNoise(4096, 13),
  small: [0, 1, 2, 3, 4, 5].map((s) => fractalNoise(128, 100 + s)),
};
// Eight days of ragged zones, given out of time order.
const zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProps> = {
  type: 'FeatureCollection',
  features: [5, 0, 7, 2, 1, 6, 3, 4].map((d) => ({
    type: 'Feature',
    geometry: dayGeometry(d * 30, 600 + d * 100, noise),
    properties: {
      id: `z${d}`,
      faction: d % 2 ? 'rebel' : 'regime',
      contested: '',
      t0: d,
      t1: d + 1,
      approximate: d === 3,
    },
  })),
};

/** A zone's fill triangles and edge vertices, as coordinates (independent of offsets). */
function zoneContent(mesh: ZoneMesh, id: string) {
  const z = mesh.zones.find((r) => r.id === id);
  if (!z) throw new Error(id);
  const tris: number[] = [];
  for (let k = z.fillFirst; k < z.fillFirst + z.fillCount; k++)
    for (let c = 0; c < FILL_FLOATS; c++)
      tris.push(mesh.fillVertices[mesh.indices[k] * FILL_FLOATS + c]);
  const edges = [
    ...mesh.vertices.slice(
      z.lineFirst * VERTEX_FLOATS,
      (z.lineFirst + z.lineCount) * VERTEX_FLOATS,
    ),
  ];
  return { t0: z.t0, t1: z.t1, bbox: z.bbox, tris, edges };
}

describe('the zone mesh built in parts', () => {
  it('splits runs of about equal weight, never empty', () => {
    expect(splitEvenly([1, 1, 1, 1], 2)).toEqual([2, 4]);
    expect(splitEvenly([5, 1, 1, 1, 1, 1], 2)).toEqual([1, 6]);
    expect(splitEvenly([1, 1], 4)).toEqual([1, 2]);
    expect(splitEvenly([3], 3)).toEqual([1]);
    expect(splitEvenly([1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([5, 7, 8]);
  });

  it('joined, draws every zone exactly as the mesh built in one go', () => {
    const ids = ['regime', 'rebel'];
    const whole = buildZoneMesh(zones, ids);
    const sorted = inMeshOrder(zones.features);
    const ends = splitEvenly(
      sorted.map((z) => vertexCount(z.geometry)),
      3,
    );
    expect(ends.length).toBe(3);
    const parts = ends.map((end, k) =>
      buildZoneMesh(
        { type: 'FeatureCollection', features: sorted.slice(k ? ends[k - 1] : 0, end) },
        ids,
      ),
    );
    const joined = joinMeshes(parts);
    expect(joined.zones.map((z) => z.id)).toEqual(whole.zones.map((z) => z.id));
    for (const z of whole.zones)
      expect(zoneContent(joined, z.id)).toEqual(zoneContent(whole, z.id));
  });
});
