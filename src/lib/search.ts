/** Binary search over ascending numbers. */

/** Index of the first element of ascending `xs` that is greater than `t` (xs.length if none). */
export function upperBound(xs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
