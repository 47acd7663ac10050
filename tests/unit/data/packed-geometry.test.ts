import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dayGeometry, fractalNoise } from '../../../scripts/lib/synthetic-real-zones';
import {
  attachPackedGeometries,
  packedBuffers,
  packGeometries,
  unpackGeometry,
} from '../../../src/data/load/packed-geometry';

const noise = {
  main: fractalNoise(4096, 13),
  small: [0, 1, 2, 3, 4, 5].map((s) => fractalNoise(128, 100 + s)),
};
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [36, 35],
      [37, 35],
      [37, 36],
      [36, 35],
    ],
  ],
};

describe('packed zone geometries', () => {
  const geometries: (Polygon | MultiPolygon)[] = [
    dayGeometry(0, 2600, noise),
    square,
    dayGeometry(9, 2600, noise),
  ];
  const packed = packGeometries(geometries);

  it('round-trips Polygons and ragged MultiPolygons with holes exactly', () => {
    for (const [i, g] of geometries.entries()) expect(unpackGeometry(packed, i)).toEqual(g);
  });

  it('moves in a few flat buffers that a postMessage can transfer', () => {
    const buffers = packedBuffers(packed);
    expect(buffers).toHaveLength(5);
    const copy = structuredClone(packed, { transfer: buffers });
    expect(packed.coords.length).toBe(0); // detached: moved, not copied
    expect(unpackGeometry(copy, 2)).toEqual(geometries[2]);
  });

  it('gives owners a geometry built on first read, shared between the lists', () => {
    const again = packGeometries(geometries);
    const zones = geometries.map((_, i) => ({ id: `z${i}` }));
    const features = geometries.map((_, i) => ({ properties: { id: `z${i}` } }));
    attachPackedGeometries(again, zones, features);
    const z = zones[0] as { geometry?: MultiPolygon };
    const f = features[0] as { geometry?: MultiPolygon };
    expect(z.geometry).toEqual(geometries[0]);
    expect(f.geometry).toBe(z.geometry);
    // A structured clone (what the compare worker receives) reads it like a plain property.
    expect(structuredClone(zones[1])).toEqual({ id: 'z1', geometry: square });
  });
});
