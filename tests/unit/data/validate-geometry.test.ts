/**
 * checkGeometry clause by clause: the limits of what passes (positions at the world's edges, a
 * ring of exactly 4 positions, a line of 2), each clause of a compound rule broken alone, the path
 * each problem names, and the self-intersection check switched off for the app's loader. The
 * sweep itself: ring-crossings.test.ts. Found missing by mutation testing (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { checkGeometry, WINDING_MESSAGE } from '../../../src/data/validate/validate-geometry';

const where = { file: 'f.geojson', featureId: 'x', featureIndex: 0 };
const check = (geometry: unknown, topology = true, extra: Record<string, unknown> = {}) =>
  checkGeometry({ type: 'Feature', geometry, ...extra }, where, topology);
const messages = (geometry: unknown, topology = true) =>
  check(geometry, topology).map((p) => `${p.severity}: ${p.message}`);

const point = (coordinates: unknown) => ({ type: 'Point', coordinates });
/** Counterclockwise square from [x, y], side d. */
const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const bowtie = [
  [37, 35.95],
  [37.1, 36.05],
  [37.1, 35.95],
  [37, 36.05],
  [37, 35.95],
];

describe('checkGeometry: positions', () => {
  it('accepts positions at the edges of the world, and an altitude', () => {
    for (const c of [
      [180, 90],
      [-180, -90],
      [37, 36, 400],
    ])
      expect(messages(point(c))).toEqual([]);
  });

  it.each([
    [[180.5, 0], 'coordinates longitude 180.5 is outside -180..180'],
    [[-180.5, 0], 'coordinates longitude -180.5 is outside -180..180'],
    [[0, 90.5], 'coordinates latitude 90.5 is outside -90..90'],
    [[0, -90.5], 'coordinates latitude -90.5 is outside -90..90'],
    [[37], 'coordinates has 1 numbers; a position has 2 (or 3 with altitude)'],
    [[37, 36, 0, 0], 'coordinates has 4 numbers; a position has 2 (or 3 with altitude)'],
    [['37', 36], 'coordinates holds something that is not a number'],
    [[37, Number.POSITIVE_INFINITY], 'coordinates holds something that is not a number'],
    [{ 0: 37, 1: 36 }, 'coordinates is not a position [longitude, latitude]'],
  ])('%j: %s', (c, message) => {
    expect(check(point(c))).toEqual([
      {
        severity: 'error',
        ...where,
        property: 'geometry',
        message,
        fix: 'see RFC 7946 §3.1; npm run validate -- --fix rewinds rings',
      },
    ]);
  });
});

describe('checkGeometry: rings and polygons', () => {
  it('accepts a ring of exactly 4 positions, and a hole wound clockwise', () => {
    const triangle = [
      [37, 36],
      [37.1, 36],
      [37, 36.1],
      [37, 36],
    ];
    expect(messages({ type: 'Polygon', coordinates: [triangle] })).toEqual([]);
    const hole = [...square(37.02, 36.02, 0.02)].reverse();
    expect(messages({ type: 'Polygon', coordinates: [square(37, 36, 0.1), hole] })).toEqual([]);
  });

  it.each([
    ['not a list of rings', 5, 'coordinates is not a polygon (a list of rings)'],
    ['no rings', [], 'coordinates is not a polygon (a list of rings)'],
    ['a ring not a list', [5], 'coordinates[0] is not a ring (a list of positions)'],
    [
      'a ring of 3 positions',
      [square(37, 36, 0.1).slice(2)],
      'coordinates[0] has 3 positions; a ring needs at least 4 (the first repeated at the end)',
    ],
    [
      'a ring ending at another longitude',
      [[...square(37, 36, 0.1).slice(0, 4), [37.05, 36]]],
      'coordinates[0] is not closed: its last position must repeat the first',
    ],
    [
      'a ring ending at another latitude',
      [[...square(37, 36, 0.1).slice(0, 4), [37, 36.05]]],
      'coordinates[0] is not closed: its last position must repeat the first',
    ],
    [
      'a bad position in a hole: the first is named, and the ring not checked further',
      [square(37, 36, 0.1), [[37.02, 36.02], [37.03, 36.02], [37.03, 95], [37.02, 95], [1]]],
      'coordinates[1][2] latitude 95 is outside -90..90',
    ],
  ])('%s', (_name, coordinates, message) => {
    expect(messages({ type: 'Polygon', coordinates })).toEqual([`error: ${message}`]);
  });

  it('warns about each ring wound the wrong way, outer and hole, with the fix', () => {
    const outer = [...square(37, 36, 0.1)].reverse();
    const hole = square(37.02, 36.02, 0.02);
    const problems = check({ type: 'Polygon', coordinates: [outer, hole] });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        property: 'geometry',
        message: `coordinates[0] ${WINDING_MESSAGE} (outer rings run counterclockwise)`,
        fix: 'run npm run validate -- --fix to rewind it',
      }),
      expect.objectContaining({
        severity: 'warning',
        message: `coordinates[1] ${WINDING_MESSAGE} (holes run clockwise)`,
      }),
    ]);
  });

  it('reports a crossing where it is, in the polygon that has it, unless topology is off', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[square(36, 36, 0.5)], [bowtie]] };
    expect(messages(multi)).toEqual(['error: coordinates[1] crosses itself near [37.05, 36]']);
    expect(messages({ type: 'Polygon', coordinates: [bowtie] })).toEqual([
      'error: coordinates crosses itself near [37.05, 36]',
    ]);
    // The app's loader: CI has run the check on the data.
    expect(messages(multi, false)).toEqual([]);
    // A ring already refused is not checked for crossings.
    expect(messages({ type: 'Polygon', coordinates: [bowtie.slice(0, 3)] })).toHaveLength(1);
  });

  it('checks every polygon of a MultiPolygon and names each', () => {
    expect(messages({ type: 'MultiPolygon', coordinates: 5 })).toEqual([
      'error: coordinates is not a list of polygons',
    ]);
    expect(messages({ type: 'MultiPolygon', coordinates: [[square(37, 36, 0.1)], [], 5] })).toEqual(
      [
        'error: coordinates[1] is not a polygon (a list of rings)',
        'error: coordinates[2] is not a polygon (a list of rings)',
      ],
    );
  });
});

describe('checkGeometry: lines, crs and the geometry itself', () => {
  it('accepts a line of 2 positions; refuses 1 and names the line of a MultiLineString', () => {
    const line = [
      [37, 36],
      [37.1, 36.1],
    ];
    expect(messages({ type: 'LineString', coordinates: line })).toEqual([]);
    expect(messages({ type: 'LineString', coordinates: 5 })).toEqual([
      'error: coordinates is not a line (a list of 2 or more positions)',
    ]);
    expect(
      messages({
        type: 'MultiLineString',
        coordinates: [
          line,
          [
            [37, 36],
            [37, 91],
          ],
        ],
      }),
    ).toEqual(['error: coordinates[1][1] latitude 91 is outside -90..90']);
    expect(messages({ type: 'MultiLineString', coordinates: 5 })).toEqual([
      'error: coordinates is not a list of lines',
    ]);
  });

  it('leaves other geometry types to the generic checker', () => {
    expect(messages({ type: 'GeometryCollection', geometries: [] })).toEqual([]);
    expect(messages({ type: 'Curve', coordinates: 5 })).toEqual([]);
  });

  it('refuses a crs member on the feature or the geometry, and a geometry that is no object', () => {
    expect(check(point([37, 36]), true, { crs: {} }).map((p) => p.message)).toEqual([
      'the feature has a "crs" member, which RFC 7946 removed (coordinates are always WGS 84)',
    ]);
    expect(messages({ ...point([37, 36]), crs: {} })).toEqual([
      'error: has a "crs" member, which RFC 7946 removed',
    ]);
    for (const g of [null, undefined, [37, 36], 'Point'])
      expect(messages(g)).toEqual(['error: is missing or not an object']);
  });
});
