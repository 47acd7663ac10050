/**
 * The sweep-line self-intersection check (src/data/validate/ring-crossings.ts) against the quadratic check
 * it replaced (kinks-reference.ts, itself tested against @turf/kinks in
 * validate-property.test.ts): on every polygon of the fixtures (the bad-file corpus included),
 * on the bundled data, and on generated rings. Where the two disagree, an exact check in BigInt
 * arithmetic (every pair, no sweep, no floating point) decides, and must side with the sweep:
 * the reference's floating-point division reports some nearly collinear segments that do not
 * meet as crossing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstCrossing, segmentsMeet } from '../../../src/data/validate/ring-crossings';
import { firstKink } from './kinks-reference';

type Ring = number[][];
const SEED = Number(process.env.FC_SEED ?? 20151023);
const RUNS = Number(process.env.FC_RUNS ?? 600);

/** x · 2^1074 as an exact integer: every finite double is an integer multiple of 2^-1074. */
function exact(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (e) m |= 1n << 52n;
  const scaled = m << BigInt(Math.max(e, 1) - 1);
  return hi >>> 31 ? -scaled : scaled;
}

type P = [bigint, bigint];
const sign = (v: bigint) => (v > 0n ? 1 : v < 0n ? -1 : 0);
const orient = (a: P, b: P, c: P) =>
  sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** The segments of the rings the reference compares, as pairs of [ring, index]. */
function* eligiblePairs(rings: Ring[]): Generator<[number, number, number, number]> {
  for (let r1 = 0; r1 < rings.length; r1++)
    for (let r2 = r1; r2 < rings.length; r2++) {
      const same = rings[r1] === rings[r2];
      if (same && r1 !== r2) continue; // the same ring listed again: no pair of its own
      const n1 = rings[r1].length;
      const closed =
        rings[r1][0][0] === rings[r1][n1 - 1][0] && rings[r1][0][1] === rings[r1][n1 - 1][1];
      for (let i = 0; i < n1 - 1; i++)
        for (let k = same ? i + 1 : 0; k < rings[r2].length - 1; k++) {
          if (same && (k - i === 1 || (i === 0 && k === n1 - 2 && closed))) continue;
          yield [r1, i, r2, k];
        }
    }
}

/** Does any pair of segments the reference compares meet, not parallel? Exact, quadratic. */
function exactlyCrosses(rings: Ring[]): boolean {
  const pts = rings.map((ring) => ring.map(([x, y]): P => [exact(x), exact(y)]));
  for (const [r1, i, r2, k] of eligiblePairs(rings)) {
    const [p1, p2, p3, p4] = [pts[r1][i], pts[r1][i + 1], pts[r2][k], pts[r2][k + 1]];
    const [o1, o2, o3, o4] = [
      orient(p1, p2, p3),
      orient(p1, p2, p4),
      orient(p3, p4, p1),
      orient(p3, p4, p2),
    ];
    if (o1 !== o2 && o3 !== o4) return true;
  }
  return false;
}

/** Distance from q to segment a-b, in coordinate units. */
function distance(q: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(q[0] - a[0] - t * dx, q[1] - a[1] - t * dy);
}

/** Is q where two segments the reference compares meet (to within rounding)? */
function isCrossing(rings: Ring[], q: number[]): boolean {
  const near = (a: number[], b: number[]) =>
    distance(q, a, b) <= 1e-9 * (1 + Math.abs(q[0]) + Math.abs(q[1]));
  for (const [r1, i, r2, k] of eligiblePairs(rings))
    if (near(rings[r1][i], rings[r1][i + 1]) && near(rings[r2][k], rings[r2][k + 1])) {
      const [a, b, c, d] = [rings[r1][i], rings[r1][i + 1], rings[r2][k], rings[r2][k + 1]];
      if (segmentsMeet(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])) return true;
    }
  return false;
}

/** Sweep and reference agree, or the exact check shows the reference wrong; a point is real. */
function expectAgreement(rings: Ring[], where: string): 'crosses' | 'simple' | 'reference wrong' {
  const sweep = firstCrossing(rings);
  const reference = firstKink(rings);
  if (sweep) expect(isCrossing(rings, sweep), `${where}: ${sweep} is not a crossing`).toBe(true);
  if ((sweep === null) === (reference === null)) return sweep ? 'crosses' : 'simple';
  expect(exactlyCrosses(rings), `${where}: sweep ${sweep}, reference ${reference}`).toBe(
    sweep !== null,
  );
  return 'reference wrong';
}

/** Every polygon (its rings) in a GeoJSON value, at any depth of FeatureCollections. */
function polygonsIn(value: unknown, out: Ring[][] = []): Ring[][] {
  if (Array.isArray(value)) for (const v of value) polygonsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as { type?: unknown; coordinates?: unknown };
    if (o.type === 'Polygon') out.push(o.coordinates as Ring[]);
    else if (o.type === 'MultiPolygon') out.push(...(o.coordinates as Ring[][]));
    else for (const v of Object.values(o)) polygonsIn(v, out);
  }
  return out;
}

/** Polygons whose rings the validator would reach its self-intersection check with. */
const checkable = (poly: unknown): poly is Ring[] =>
  Array.isArray(poly) &&
  poly.length > 0 &&
  poly.every(
    (ring) =>
      Array.isArray(ring) &&
      ring.length >= 4 &&
      ring.every(
        (p) =>
          Array.isArray(p) &&
          p.length >= 2 &&
          p.length <= 3 &&
          p.every((n) => typeof n === 'number' && Number.isFinite(n)),
      ) &&
      ring[0][0] === ring[ring.length - 1][0] &&
      ring[0][1] === ring[ring.length - 1][1],
  );

function polygonsOfFiles(dir: string): { file: string; polygon: Ring[] }[] {
  const found: { file: string; polygon: Ring[] }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...polygonsOfFiles(path));
    else if (/\.(geo)?json$/.test(name)) {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
      } catch {
        continue; // the corpus's syntax errors: nothing reaches the geometry check
      }
      for (const polygon of polygonsIn(value))
        if (checkable(polygon)) found.push({ file: path, polygon });
    }
  }
  return found;
}

const root = new URL('../../../', import.meta.url).pathname;

describe('the sweep against the quadratic reference', () => {
  it('agrees on every polygon of the test fixtures, the bad-file corpus included', () => {
    const polygons = polygonsOfFiles(join(root, 'tests/fixtures'));
    const answers = polygons.map(({ file, polygon }) => expectAgreement(polygon, file));
    expect(answers).not.toContain('reference wrong');
    // Not vacuous: the corpus holds crossing polygons (the bowtie) and simple ones.
    expect(answers).toContain('crosses');
    expect(answers).toContain('simple');
    const bowtie = polygons.find((p) => p.file.endsWith('zone-bowtie-self-intersecting.geojson'));
    expect(bowtie && firstCrossing(bowtie.polygon)).toEqual([37.05, 36]);
  });

  it('agrees on every polygon of the bundled data (zones and basemap)', () => {
    const polygons = [
      ...polygonsOfFiles(join(root, 'data/layers')),
      ...polygonsOfFiles(join(root, 'data/basemap')),
    ];
    expect(polygons.length).toBeGreaterThan(0);
    // Zones repeat their rings over versions: each distinct polygon once.
    const distinct = new Map(polygons.map((p) => [JSON.stringify(p.polygon), p]));
    for (const { file, polygon } of distinct.values())
      expect(expectAgreement(polygon, file)).not.toBe('reference wrong');
  }, 60_000);

  // Grid points make collinear, touching and repeated vertices common; decimals make rounding.
  const coordinate = fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(36.1, 36.2, 36.3, 37.1, 37.7),
    fc.double({ min: 35, max: 38, noNaN: true }),
  );
  const ring = fc
    .array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 12 })
    .map((ps) => [...ps, ps[0]]);
  const rings = fc
    .tuple(fc.array(ring, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([rs, repeat]) => (repeat ? [...rs, rs[0]] : rs));

  it('agrees on random rings, or the exact check shows the reference wrong', () => {
    fc.assert(
      fc.property(rings, (rs) => {
        expectAgreement(rs, JSON.stringify(rs));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  /** A simple star-shaped ring of n vertices with ragged radii; optionally two vertices swapped. */
  const star = fc
    .tuple(
      fc.array(fc.double({ min: 0.5, max: 1, noNaN: true }), { minLength: 5, maxLength: 200 }),
      fc.nat(),
      fc.boolean(),
    )
    .map(([radii, at, swap]) => {
      const n = radii.length;
      const ps = radii.map((r, v) => [
        37 + r * Math.cos((2 * Math.PI * v) / n),
        36 + r * Math.sin((2 * Math.PI * v) / n),
      ]);
      if (swap) {
        const i = at % n;
        const j = (i + 2) % n;
        [ps[i], ps[j]] = [ps[j], ps[i]];
      }
      return [[...ps, ps[0]]];
    });

  it('agrees on ragged star-shaped rings, simple or with two vertices swapped', () => {
    fc.assert(
      fc.property(star, (rs) => {
        expectAgreement(rs, JSON.stringify(rs));
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('firstCrossing', () => {
  const square: Ring = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
    [0, 0],
  ];

  it('finds a crossing, and none in a square', () => {
    expect(
      firstCrossing([
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ]),
    ).toEqual([0.5, 0.5]);
    expect(firstCrossing([square])).toBeNull();
  });

  it('reports a ring touching itself at a vertex it does not share as neighbours', () => {
    // A figure of eight through [2, 2]: two triangles meeting at one vertex.
    const eight: Ring = [
      [0, 0],
      [2, 2],
      [4, 0],
      [4, 4],
      [2, 2],
      [0, 4],
      [0, 0],
    ];
    expect(firstCrossing([eight])).toEqual([2, 2]);
    // A vertex ending on another segment (a T): reported at that vertex.
    const tee: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 0],
      [0, 4],
      [0, 0],
    ];
    expect(firstCrossing([tee])).toEqual([2, 0]);
  });

  it('reports a vertex repeated in a row, as the reference does', () => {
    const repeated: Ring = [
      [0, 0],
      [4, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(firstCrossing([repeated])).toEqual([4, 0]);
    expect(firstKink([repeated])).toEqual([4, 0]);
  });

  it('reports a ring running back over itself where it turns, not on its parallel segments', () => {
    // A spike out and back along one line: its overlapping segments are parallel and never
    // count (segmentsMeet), but the segments around them touch at [4, 0].
    const spike: Ring = [
      [0, 0],
      [4, 0],
      [6, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(firstKink([spike])).toEqual([4, 0]);
    expect(firstCrossing([spike])).toEqual([4, 0]);
  });

  it('skips the first and last segments of a closed ring, which meet at its start', () => {
    expect(firstCrossing([square])).toBeNull();
    // Not closed: its first and last segments are not neighbours, and they meet at [0, 0].
    const open: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
      [0, -1],
    ];
    expect(firstCrossing([open])).toEqual([0, 0]);
    expect(firstKink([open])).toEqual([0, 0]);
  });

  it('compares the first and last segments of a ring that is not closed', () => {
    // Each ring's only meeting is between its first and last segments.
    const endsOnFirst: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [2, 0],
    ]; // same latitude as start
    const crossesFirst: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [0, -1],
    ]; // same longitude
    expect(firstCrossing([endsOnFirst])).toEqual([2, 0]);
    expect(firstKink([endsOnFirst])).toEqual([2, 0]);
    expect(firstCrossing([crossesFirst])?.[0]).toBeCloseTo(0.4, 12);
    expect(firstKink([crossesFirst])).not.toBeNull();
  });

  it('answers null for no rings or an empty ring', () => {
    expect(firstCrossing([])).toBeNull();
    expect(firstCrossing([[]])).toBeNull();
  });

  it('checks rings against each other: a hole touching or crossing its outer ring', () => {
    const inside: Ring = [
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
    ];
    expect(firstCrossing([square, inside])).toBeNull();
    const touching: Ring = [
      [0, 2],
      [1, 3],
      [1, 1],
      [0, 2],
    ];
    expect(firstCrossing([square, touching])).toEqual([0, 2]);
    const crossing: Ring = [
      [3, 1],
      [3, 3],
      [5, 2],
      [3, 1],
    ];
    // It crosses the square's east side twice; either point is a crossing.
    expect([
      [4, 1.5],
      [4, 2.5],
    ]).toContainEqual(firstCrossing([square, crossing]));
    // A ring meeting a later ring but not the first (it passes through the inner ring's corner
    // [2, 2] and crosses its east side): every pair of rings is compared.
    expect(
      firstCrossing([
        square,
        inside,
        [
          [1.5, 1.5],
          [3, 1.5],
          [3, 3],
          [1.5, 1.5],
        ],
      ]),
    ).toEqual([2, 2]);
  });

  it('compares a ring listed twice (the same array) with itself only once', () => {
    expect(firstCrossing([square, square])).toBeNull();
    expect(firstKink([square, square])).toBeNull();
    // A copy is another ring, which meets the first everywhere.
    expect(firstCrossing([square, square.map((p) => [...p])])).not.toBeNull();
  });

  it('finds crossings whose segments start far apart in longitude', () => {
    // A long segment stays open across the sweep; a short one far east crosses it.
    const long: Ring = [
      [0, 0],
      [100, 1],
      [100, 2],
      [99, 2],
      [99.5, 0],
      [0, 3],
      [0, 0],
    ];
    const hit = firstCrossing([long]);
    expect(hit).not.toBeNull();
    expect(firstKink([long])).not.toBeNull();
    // Boxes overlapping in longitude but apart in latitude are not compared; none meet.
    const tall: Ring = [
      [0, 0],
      [10, 0],
      [10, 1],
      [1, 1],
      [1, 9],
      [10, 9],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(firstCrossing([tall])).toBeNull();
  });

  /**
   * A ring of 100 short segments along its south side and one segment from north to south
   * through them at longitude 5.55, crossing only the short one from 5.5 to 5.6; mirrored, the
   * long one begins west of the short one instead of east.
   */
  const notched = (mirror: boolean): Ring => {
    const south = Array.from({ length: 101 }, (_, i) => [i / 10, 0]);
    const ring = [...south, [10, 10], [5.55, 10], [5.55, -1], [0, -1], [0, 0]];
    return mirror ? ring.map(([x, y]) => [10 - x, y]).reverse() : ring;
  };

  it('finds a long north-south segment crossing a short one, whichever begins further west', () => {
    for (const mirror of [false, true]) {
      const hit = firstCrossing([notched(mirror)]);
      expect(hit?.[0]).toBeCloseTo(mirror ? 4.45 : 5.55, 12);
      expect(hit?.[1]).toBe(0);
      expect(firstKink([notched(mirror)])).not.toBeNull();
    }
  });

  it('does not call nearly collinear segments that do not meet a crossing', () => {
    // Found by a search over rings with collinear decimal vertices: [37.3, 36.5] and [37, 36.4]
    // lie on the segment [36.4, 36.2]-[37.6, 36.6] in decimals, but not in binary doubles. The
    // reference's rounded division reports them crossing; exactly, they neither cross nor touch.
    const rings: Ring[] = [
      [
        [37.3, 36.5],
        [37, 36.4],
        [30, 30.08],
        [36.4, 36.2],
        [37.6, 36.6],
        [40, 30],
        [37.3, 36.5],
      ],
    ];
    expect(firstKink(rings)).toEqual([37.3, 36.5]);
    expect(exactlyCrosses(rings)).toBe(false);
    expect(firstCrossing(rings)).toBeNull();
  });
});

describe('segmentsMeet', () => {
  it('gives the crossing point, an end lying on the other segment, or null', () => {
    expect(segmentsMeet(0, 0, 2, 2, 0, 2, 2, 0)).toEqual([1, 1]);
    expect(segmentsMeet(0, 0, 2, 0, 1, 0, 1, 5)).toEqual([1, 0]); // p3 on p1-p2
    expect(segmentsMeet(0, 0, 2, 0, 1, 5, 1, 0)).toEqual([1, 0]); // p4 on p1-p2
    expect(segmentsMeet(1, 0, 1, 5, 0, 0, 2, 0)).toEqual([1, 0]); // p1 on p3-p4
    expect(segmentsMeet(1, 5, 1, 0, 0, 0, 2, 0)).toEqual([1, 0]); // p2 on p3-p4
    expect(segmentsMeet(0, 0, 2, 0, 3, -1, 3, 1)).toBeNull(); // lines cross east of p1-p2
    expect(segmentsMeet(0, 0, 2, 0, 1, 1, 1, 3)).toBeNull(); // both ends north
    expect(segmentsMeet(0, 0, 2, 0, 1, 0, 3, 0)).toBeNull(); // collinear, overlapping
    expect(segmentsMeet(0, 0, 2, 0, 0, 1, 2, 1)).toBeNull(); // parallel
    expect(segmentsMeet(0, 0, 0, 0, -1, 0, 1, 0)).toBeNull(); // a point on the segment
  });

  it('gives an end lying on the other segment exactly, not as a rounded computation', () => {
    // The crossing formula would put these 1e-14 off the vertex (found by a search).
    expect(segmentsMeet(30.98, 30.98, 39.67, 39.67, 37.13, 37.13, 35.08, 34.95)).toEqual([
      37.13, 37.13,
    ]);
    expect(segmentsMeet(33.41, 33.41, 36.51, 36.51, 31.3, 31.31, 35.12, 35.12)).toEqual([
      35.12, 35.12,
    ]);
    expect(segmentsMeet(0.2, 0.9, 0.35, 0.3, 0.1, 0.3, 0.7, 0.3)).toEqual([0.35, 0.3]);
  });

  it('places a crossing between the ends, in proportion', () => {
    const [x, y] = segmentsMeet(0, 0, 4, 0, 1, -1, 1, 3) ?? [];
    expect(x).toBe(1);
    expect(y).toBe(0);
    const [u, v] = segmentsMeet(0, 0, 3, 3, 0, 2, 2, 0) ?? [];
    expect(u).toBeCloseTo(1, 12);
    expect(v).toBeCloseTo(1, 12);
  });
});
