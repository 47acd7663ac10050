import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dayGeometry, fractalNoise } from '../../../scripts/lib/synthetic-real-zones';
import {
  attachPackedGeometries,
  packedBuffers,
  packedFor,
  packGeometries,
  unpackGeometry,
  withoutGeometry,
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

describe('packed geometries on the wire as they are', () => {
  const packed = packGeometries([square, square, square]);
  it('packedFor finds the packed geometries behind a list given them in order, and nothing else', () => {
    const owners = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    attachPackedGeometries(packed, owners);
    expect(packedFor(owners)).toBe(packed);
    expect(packedFor([owners[1], owners[0], owners[2]])).toBeNull();
    expect(packedFor(owners.slice(1))).toBeNull();
    expect(packedFor([...owners.slice(0, 2), { id: 'c' }])).toBeNull();
    expect(packedFor([])).toBeNull();
  });
  it('withoutGeometry copies the other properties and never reads the geometry', () => {
    const o = { id: 'a', properties: { x: 1 } };
    Object.defineProperty(o, 'geometry', {
      enumerable: true,
      get: () => {
        throw new Error('read');
      },
    });
    expect(withoutGeometry(o)).toEqual({ id: 'a', properties: { x: 1 } });
  });
});
