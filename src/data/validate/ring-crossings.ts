/**
 * Where a polygon's rings cross or touch themselves or each other, found by a sweep over x
 * instead of comparing every pair of segments (issue 13: the pairwise test was quadratic in a
 * ring's vertices, 200 million pairs for one 20,000-vertex ring).
 *
 * Which pairs of segments count is what @turf/kinks (the validator's earlier check) tests: any
 * two segments of different rings, and two segments of one ring unless they follow each other
 * (the first and last of a closed ring follow each other too). A pair counts when the segments
 * share a point and are not parallel: a crossing, one segment ending on the other, or two
 * segments of one ring meeting at a vertex they do not share as neighbours (a ring touching
 * itself, or a vertex repeated). Parallel and collinear overlapping pairs never count, as in
 * kinks. Unlike kinks, the decision is exact: orientations come from `robust-predicates`
 * (Shewchuk's adaptive predicates), so nearly collinear segments that do not meet are never
 * reported, and the same ring always gets the same answer.
 *
 * The sweep: segments sorted by their west end; each one is compared only with the segments
 * still open at that longitude (whose east end is not west of its west end) and whose latitude
 * ranges overlap. Segments whose boxes do not overlap cannot meet, so no pair is lost. The time
 * is O(n log n) plus the number of overlapping pairs; a ring whose segments all span the same
 * longitudes (a comb of north-south teeth) is still quadratic.
 */
import { orient2d } from 'robust-predicates';

type Pos = number[];

/** A segment spanning more latitude bands than this is kept in one list instead of in each. */
const TALL = 16;

/** Which side of the directed line a→b the point c lies on: -1, 0 (on the line) or 1. */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign(orient2d(ax, ay, bx, by, cx, cy));
}

/**
 * The point where segments p1→p2 and p3→p4 meet, or null when they do not or are parallel.
 * Exact decision; the point is computed in floating point ([lon, lat]).
 */
export function segmentsMeet(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): [number, number] | null {
  const o1 = side(x1, y1, x2, y2, x3, y3);
  const o2 = side(x1, y1, x2, y2, x4, y4);
  // Both ends of p3→p4 on one side, or both on the line (collinear: parallel).
  if (o1 === o2) return null;
  const o3 = side(x3, y3, x4, y4, x1, y1);
  const o4 = side(x3, y3, x4, y4, x2, y2);
  if (o3 === o4) return null;
  // Not parallel, so the lines meet in one point; an end on the other's line is that point.
  if (o1 === 0) return [x3, y3];
  if (o2 === 0) return [x4, y4];
  if (o3 === 0) return [x1, y1];
  if (o4 === 0) return [x2, y2];
  // A proper crossing: p1 and p2 lie on opposite sides of p3→p4, at distances in the ratio of
  // their (signed) triangle areas.
  const d1 = orient2d(x3, y3, x4, y4, x1, y1);
  const d2 = orient2d(x3, y3, x4, y4, x2, y2);
  const a = d1 / (d1 - d2);
  return [x1 + a * (x2 - x1), y1 + a * (y2 - y1)];
}

/**
 * A point where the rings of one polygon cross or touch (see the module comment for what
 * counts), or null when they are simple and apart. Which point, when there are several: the one
 * the sweep meets first (deterministic for a given polygon). Rings are lists of [lon, lat];
 * a closed ring repeats its first position at the end.
 */
export function firstCrossing(rings: Pos[][]): [number, number] | null {
  // A ring listed twice as the same array adds no pair kinks would test (see the module comment).
  const unique = rings.filter((ring, i) => rings.indexOf(ring) === i);
  let m = 0;
  for (const ring of unique) m += Math.max(ring.length - 1, 0);
  // Per segment: west and east ends, ring, index in the ring, and the ring's last segment index
  // when the ring is closed (-1 when not: then its first and last segments are not neighbours).
  const wx = new Float64Array(m);
  const wy = new Float64Array(m);
  const ex = new Float64Array(m);
  const ey = new Float64Array(m);
  const ringOf = new Int32Array(m);
  const indexOf = new Int32Array(m);
  const lastOf = new Int32Array(m);
  let s = 0;
  unique.forEach((ring, r) => {
    const n = ring.length;
    const closed = n > 0 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1];
    for (let j = 0; j + 1 < n; j++, s++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[j + 1];
      const westFirst = ax < bx || (ax === bx && ay <= by);
      wx[s] = westFirst ? ax : bx;
      wy[s] = westFirst ? ay : by;
      ex[s] = westFirst ? bx : ax;
      ey[s] = westFirst ? by : ay;
      ringOf[s] = r;
      indexOf[s] = j;
      lastOf[s] = closed ? n - 2 : -1;
    }
  });
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => wx[a] - wx[b] || a - b);
  // The open segments, found by latitude: a segment spanning at most TALL bands sits in each
  // band it spans; a taller one in the tall list. Bands are as many as segments, over the
  // latitudes the segments cover. Closed segments leave a list when it is next read.
  const south = new Float64Array(m);
  const north = new Float64Array(m);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < m; t++) {
    south[t] = Math.min(wy[t], ey[t]);
    north[t] = Math.max(wy[t], ey[t]);
    lo = Math.min(lo, south[t]);
    hi = Math.max(hi, north[t]);
  }
  const bands: (number[] | undefined)[] = new Array(m);
  const height = (hi - lo) / m || 1;
  const band = (y: number) => Math.min(m - 1, Math.floor((y - lo) / height));
  const bandAt = (b: number) => {
    const list = bands[b] ?? [];
    bands[b] = list;
    return list;
  };
  const tall: number[] = [];
  const short: number[] = []; // every open short segment, read only for a tall newcomer
  const seen = new Int32Array(m).fill(-1);
  // Compares s with the open segments of a list (dropping the closed ones); the meeting point
  // of the first eligible pair that meets, else null.
  const scan = (list: number[], s: number): [number, number] | null => {
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (ex[t] < wx[s]) continue; // ends west of s and of all that follow: closed
      list[kept++] = t;
      if (seen[t] === s || north[t] < south[s] || south[t] > north[s]) continue;
      seen[t] = s;
      if (ringOf[s] === ringOf[t]) {
        const a = Math.min(indexOf[s], indexOf[t]);
        const b = Math.max(indexOf[s], indexOf[t]);
        if (b - a === 1 || (a === 0 && b === lastOf[s])) continue; // neighbours
      }
      const hit = segmentsMeet(wx[t], wy[t], ex[t], ey[t], wx[s], wy[s], ex[s], ey[s]);
      if (hit) return hit;
    }
    list.length = kept;
    return null;
  };
  for (const s of order) {
    const first = band(south[s]);
    const last = band(north[s]);
    const isTall = last - first > TALL;
    let hit = scan(tall, s);
    if (isTall) hit ??= scan(short, s);
    else for (let b = first; b <= last && !hit; b++) hit = scan(bandAt(b), s);
    if (hit) return hit;
    if (isTall) tall.push(s);
    else {
      short.push(s);
      for (let b = first; b <= last; b++) bands[b]?.push(s);
    }
  }
  return null;
}
