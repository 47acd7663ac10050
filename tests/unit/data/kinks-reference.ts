/**
 * The validator's self-intersection check before issue 13 made it a sweep
 * (src/data/validate/ring-crossings.ts), kept here only as the reference the sweep is tested and
 * benchmarked against (ring-crossings.test.ts, scripts/bench-validate.ts). Quadratic in a
 * polygon's vertices: every pair of segments.
 */
type Pos = number[];

/**
 * The first self-intersection that @turf/kinks reports for a polygon's rings (its
 * `features[0]`), or null. Same pairs of segments, in the same order, with the same arithmetic,
 * so the same answer to the last bit; but over flat arrays, with no object per pair, and
 * stopping at the first hit. kinks compares every pair of segments of every pair of rings
 * (segment k of the second ring from index i of the first on), skipping neighbours in one ring
 * and the first and last segments of a closed ring; parallel segments never cross.
 */
export function firstKink(rings: Pos[][]): [number, number] | null {
  const flat = rings.map((ring) => {
    const n = ring.length;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = ring[i][0];
      ys[i] = ring[i][1];
    }
    return { n, xs, ys, closed: n > 0 && xs[0] === xs[n - 1] && ys[0] === ys[n - 1] };
  });
  for (let r1 = 0; r1 < rings.length; r1++) {
    const { n: n1, xs: ax, ys: ay, closed } = flat[r1];
    for (let r2 = 0; r2 < rings.length; r2++) {
      const { n: n2, xs: bx, ys: by } = flat[r2];
      const same = rings[r1] === rings[r2];
      for (let i = 0; i < n1 - 1; i++) {
        const x1 = ax[i];
        const y1 = ay[i];
        const dx1 = ax[i + 1] - x1;
        const dy1 = ay[i + 1] - y1;
        for (let k = i; k < n2 - 1; k++) {
          if (same && (k - i === 1 || (i === 0 && k === n1 - 2 && closed))) continue;
          const x3 = bx[k];
          const y3 = by[k];
          const dx2 = bx[k + 1] - x3;
          const dy2 = by[k + 1] - y3;
          const den = dy2 * dx1 - dx2 * dy1;
          if (den === 0) continue;
          const ya = y1 - y3;
          const xb = x1 - x3;
          const a = (dx2 * ya - dy2 * xb) / den;
          const b = (dx1 * ya - dy1 * xb) / den;
          if (a >= 0 && a <= 1 && b >= 0 && b <= 1) return [x1 + a * dx1, y1 + a * dy1];
        }
      }
    }
  }
  return null;
}
