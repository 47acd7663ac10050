import area from '@turf/area';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import type { ZoneFeatureProps } from '../../../src/data/map-features';
import type { Dataset } from '../../../src/data/types';
import { buildZoneMesh, CELL, featuresWithMeshOnce } from '../../../src/data/zones/zone-mesh';
import { dayGeometry, fractalNoise } from '../../../scripts/lib/synthetic-real-zones';
import {
  activeRanges,
  APPROXIMATE,
  BREAK,
  CONTESTED,
  EDGE_TEXTURE_WIDTH,
  edgeTextureSize,
  isBreak,
  OTHER,
  FILL_FLOATS,
  mercator,
  VERTEX_FLOATS,
  type ZoneMesh,
} from '../../../src/data/zones/zone-ranges';
import { readLocal, repoUrl } from '../read-local';

type Zones = FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProps>;

/** Area of the mesh's fill triangles for one zone, in squared Mercator units. */
function meshArea(mesh: ZoneMesh, first: number, count: number): number {
  let sum = 0;
  const v = (i: number) => [
    mesh.fillVertices[mesh.indices[i] * FILL_FLOATS],
    mesh.fillVertices[mesh.indices[i] * FILL_FLOATS + 1],
  ];
  for (let i = first; i < first + count; i += 3) {
    const [a, b, c] = [v(i), v(i + 1), v(i + 2)];
    sum += Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  }
  return sum;
}

/** Shoelace area of a GeoJSON polygon (outer minus holes) in squared Mercator units. */
function mercatorArea(rings: number[][][]): number {
  const ring = (r: number[][]) => {
    const p = r.map(mercator);
    let s = 0;
    for (let i = 0; i + 1 < p.length; i++) s += p[i][0] * p[i + 1][1] - p[i + 1][0] * p[i][1];
    return Math.abs(s) / 2;
  };
  return ring(rings[0]) - rings.slice(1).reduce((a, r) => a + ring(r), 0);
}

/** Perimeter of every ring, in Mercator units. */
function mercatorPerimeter(rings: number[][][]): number {
  let s = 0;
  for (const r of rings) {
    const p = r.map(mercator);
    for (let i = 0; i + 1 < p.length; i++)
      s += Math.hypot(p[i + 1][0] - p[i][0], p[i + 1][1] - p[i][1]);
  }
  return s;
}

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

const zone = (
  id: string,
  faction: string,
  t0: number,
  t1: number,
  coordinates: number[][][],
  approximate = false,
  contested = '',
): Zones['features'][number] => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates },
  properties: { id, faction, contested, t0, t1, approximate },
});

describe('zone mesh', () => {
  // A square with a square hole, and a later version without the hole, out of time order.
  const zones: Zones = {
    type: 'FeatureCollection',
    features: [
      zone('later', 'rebel', 20, 30, [square(36, 35, 1)], true),
      zone('holed', 'regime', 10, 20, [square(36, 35, 1), square(36.25, 35.25, 0.5)]),
    ],
  };
  const mesh = buildZoneMesh(zones, ['regime', 'rebel']);

  it('orders zones by start, and covers each polygon exactly, holes left open', () => {
    expect(mesh.zones.map((z) => z.id)).toEqual(['holed', 'later']);
    for (const [i, f] of [zones.features[1], zones.features[0]].entries()) {
      const z = mesh.zones[i];
      const polygon = (f.geometry as Polygon).coordinates;
      // Vertices are float32: equal to 1 part in 10^4.
      expect(meshArea(mesh, z.fillFirst, z.fillCount) / mercatorArea(polygon)).toBeCloseTo(1, 4);
    }
    expect(mercatorArea([square(36, 35, 1), square(36.25, 35.25, 0.5)])).toBeLessThan(
      mercatorArea([square(36, 35, 1)]),
    );
  });

  it('codes faction and precision per vertex, and ends every ring with a break', () => {
    const code = (i: number) => mesh.vertices[i * VERTEX_FLOATS + 3];
    const [holed, later] = mesh.zones;
    // Two rings of 5 vertices, each followed by a break.
    expect(holed.lineCount).toBe(12);
    expect([5, 11].map((k) => isBreak(code(holed.lineFirst + k)))).toEqual([true, true]);
    expect(code(holed.lineFirst)).toBe(0);
    expect(code(later.lineFirst)).toBe(1 + APPROXIMATE);
    // The last vertex of the buffer is a break, so no segment reads past the end.
    expect(code(mesh.vertices.length / VERTEX_FLOATS - 1)).toBe(BREAK);
    // Distance along the outer ring grows to its perimeter (4 sides of the square).
    const dist = (i: number) => mesh.vertices[i * VERTEX_FLOATS + 2];
    const side = mercator([37, 35])[0] - mercator([36, 35])[0];
    expect(dist(holed.lineFirst + 1)).toBeCloseTo(side, 9);
  });

  it('codes a contested zone with the other side, and its breaks stay breaks', () => {
    const contested = buildZoneMesh(
      {
        type: 'FeatureCollection',
        features: [zone('c', 'rebel', 0, 10, [square(36, 35, 1)], true, 'regime')],
      },
      ['regime', 'rebel'],
    );
    const code = (i: number) => contested.vertices[i * VERTEX_FLOATS + 3];
    const [c] = contested.zones;
    expect(code(c.lineFirst)).toBe(1 + APPROXIMATE + CONTESTED + OTHER * 0);
    expect(isBreak(code(c.lineFirst))).toBe(false);
    expect(isBreak(code(c.lineFirst + 5))).toBe(true);
    expect(contested.fillVertices[2]).toBe(1 + APPROXIMATE + CONTESTED);
  });

  it('draws the zones active at t, ranges merged, end exclusive', () => {
    const [holed, later] = mesh.zones;
    expect(activeRanges(mesh.zones, 5)).toEqual({ fills: [], lines: [] });
    expect(activeRanges(mesh.zones, 10).fills).toEqual([[holed.fillFirst, holed.fillCount]]);
    expect(activeRanges(mesh.zones, 20).lines).toEqual([[later.lineFirst, later.lineCount]]);
    expect(activeRanges(mesh.zones, 30)).toEqual({ fills: [], lines: [] });
    // Two zones in force together, stored next to each other: one draw call each.
    const both = buildZoneMesh(
      {
        type: 'FeatureCollection',
        features: [
          zone('a', 'regime', 0, 10, [square(36, 35, 1)]),
          zone('b', 'rebel', 0, 10, [square(37, 35, 1)]),
        ],
      },
      ['regime', 'rebel'],
    );
    const r = activeRanges(both.zones, 5);
    expect(r.fills).toEqual([[0, both.zones[0].fillCount + both.zones[1].fillCount]]);
    expect(r.lines).toHaveLength(1);
  });

  it('gives a faction missing from the manifest the colour slot after the known ones', () => {
    const m = buildZoneMesh(
      { type: 'FeatureCollection', features: [zone('x', 'nobody', 0, 1, [square(36, 35, 1)])] },
      ['regime', 'rebel'],
    );
    expect(m.vertices[3]).toBe(2);
  });
});

describe('zone mesh of the bundled dataset', () => {
  let dataset: Dataset;
  beforeAll(async () => {
    const r = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
      // Context only: topology (CI's npm run validate, dataset-content) is not what this tests.
      topology: false,
    });
    if (!r.dataset) throw new Error('the bundled dataset did not load');
    dataset = r.dataset;
  });

  it('covers every zone with its own area (within float32 rounding), and is built once', () => {
    const forMap = featuresWithMeshOnce();
    const features = forMap(dataset);
    const mesh = features.zoneMesh;
    if (!mesh) throw new Error('the first features carry no zone mesh');
    // Built once: the features that follow (the full dataset after its base) carry none.
    expect(forMap(dataset).zoneMesh).toBeUndefined();
    expect(mesh.zones).toHaveLength(features.zones.features.length);
    for (const z of mesh.zones) {
      const f = features.zones.features.find((g) => g.properties.id === z.id);
      if (!f) throw new Error(`zone ${z.id} missing`);
      const polygons =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const expected = polygons.reduce((a, p) => a + mercatorArea(p), 0);
      // float32 vertices move each edge by up to one float32 step (2^-24 near x = 0.6, a few
      // metres): the area may differ by the perimeter times that, no more; a missing or doubled
      // triangle differs by far more.
      const perimeter = polygons.reduce((a, p) => a + mercatorPerimeter(p), 0);
      expect(Math.abs(meshArea(mesh, z.fillFirst, z.fillCount) - expected), z.id).toBeLessThan(
        perimeter * 2 ** -23,
      );
      // A sanity check of the units: a zone of real size, not a sliver.
      expect(area(f)).toBeGreaterThan(0);
    }
  });
});

describe('ragged real-shaped zones (as the load benchmark generates), cut into cells by halves', () => {
  const noise = {
    main: fractalNoise(4096, 13),
    small: [0, 1, 2, 3, 4, 5].map((s) => fractalNoise(128, 100 + s)),
  };
  const days = [0, 200];
  const zones: Zones = {
    type: 'FeatureCollection',
    features: days.map((d) => ({
      type: 'Feature',
      geometry: dayGeometry(d, 2600, noise),
      properties: {
        id: `z-${d}`,
        faction: 'regime',
        contested: '',
        t0: d,
        t1: d + 1,
        approximate: false,
      },
    })),
  };
  const mesh = buildZoneMesh(zones, ['regime']);

  it('covers each MultiPolygon (enclaves, pockets left open) to float32 rounding', () => {
    for (const [i, f] of zones.features.entries()) {
      const polygons = (f.geometry as MultiPolygon).coordinates;
      expect(polygons.length).toBeGreaterThan(1);
      const expected = polygons.reduce((a, p) => a + mercatorArea(p), 0);
      const perimeter = polygons.reduce((a, p) => a + mercatorPerimeter(p), 0);
      const z = mesh.zones[i];
      expect(Math.abs(meshArea(mesh, z.fillFirst, z.fillCount) - expected)).toBeLessThan(
        perimeter * 2 ** -23,
      );
    }
  });

  it('keeps every triangle inside one cell', () => {
    const v = (k: number) => [
      mesh.fillVertices[mesh.indices[k] * FILL_FLOATS],
      mesh.fillVertices[mesh.indices[k] * FILL_FLOATS + 1],
    ];
    // float32 vertices: a vertex on a cell's edge may sit a rounding step outside it.
    const eps = 1e-6;
    for (let k = 0; k < mesh.indices.length; k += 3) {
      const t = [v(k), v(k + 1), v(k + 2)];
      const cx = Math.floor((t[0][0] + t[1][0] + t[2][0]) / 3 / CELL);
      const cy = Math.floor((t[0][1] + t[1][1] + t[2][1]) / 3 / CELL);
      for (const [x, y] of t) {
        expect(x).toBeGreaterThanOrEqual(cx * CELL - eps);
        expect(x).toBeLessThanOrEqual((cx + 1) * CELL + eps);
        expect(y).toBeGreaterThanOrEqual(cy * CELL - eps);
        expect(y).toBeLessThanOrEqual((cy + 1) * CELL + eps);
      }
    }
  });
});

describe('the edge texture of a too-large mesh', () => {
  it('holds up to width × MAX_TEXTURE_SIZE vertices; one more and the edges are left out', () => {
    // WebGL 2's guaranteed minimum, and a device with a larger limit.
    expect(edgeTextureSize(1, 2048)).toEqual({ width: 2048, rows: 1 });
    expect(edgeTextureSize(2048 * 2048, 2048)).toEqual({ width: 2048, rows: 2048 });
    expect(edgeTextureSize(2048 * 2048 + 1, 2048)).toBeNull();
    expect(edgeTextureSize(0, 16384)).toEqual({ width: EDGE_TEXTURE_WIDTH, rows: 1 });
    expect(edgeTextureSize(EDGE_TEXTURE_WIDTH + 1, 16384)).toEqual({
      width: EDGE_TEXTURE_WIDTH,
      rows: 2,
    });
    expect(edgeTextureSize(EDGE_TEXTURE_WIDTH * 16384, 16384)).toEqual({
      width: EDGE_TEXTURE_WIDTH,
      rows: 16384,
    });
    expect(edgeTextureSize(EDGE_TEXTURE_WIDTH * 16384 + 1, 16384)).toBeNull();
  });
});
