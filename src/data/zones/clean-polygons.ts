/** Derived polygons made clean and stable (split from derive-zones.ts). */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Area = Polygon | MultiPolygon;
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6 + 0;

/** Rounds rings to 6 decimals, drops repeated points, spikes and degenerate rings; stable order. */
export function cleanPolygons(geom: Area): Area | null {
  const polys: Position[][][] = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const r: Position[] = [];
      for (const p of ring) {
        const q = [round6(p[0]), round6(p[1])];
        const last = r[r.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) r.push(q);
      }
      if (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]) r.push([...r[0]]);
      const flat = withoutSpikes(r);
      if (flat.length >= 4) rings.push(flat);
    }
    if (rings.length > 0) out.push(rings);
  }
  out.sort((a, b) => a[0][0][0] - b[0][0][0] || a[0][0][1] - b[0][0][1]);
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
}

/**
 * Removes the hair-thin spikes clipping and union leave where edges nearly coincide (the ring
 * turns back within SPIKE_RAD), which cross themselves once rounded, and vertices within
 * SPIKE_DEG of the line through their neighbours. Repeats until none is left. Closed ring in and out.
 */
const SPIKE_DEG = 1e-6;
/** Turning angles (radians) this close to a full reversal make a spike. */
const SPIKE_RAD = 1e-4;
function withoutSpikes(ring: Position[]): Position[] {
  const r = ring.slice(0, -1);
  let changed = true;
  while (changed && r.length > 3) {
    changed = false;
    for (let i = 0; i < r.length && r.length > 3; i++) {
      const a = r[(i + r.length - 1) % r.length];
      const b = r[i];
      const c = r[(i + 1) % r.length];
      const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
      const base = Math.hypot(c[0] - a[0], c[1] - a[1]);
      // A spike: the ring turns back at b by (nearly) 180°, whatever the lengths.
      const ba = [a[0] - b[0], a[1] - b[1]];
      const bc = [c[0] - b[0], c[1] - b[1]];
      const backtrack =
        ba[0] * bc[0] + ba[1] * bc[1] > 0 &&
        Math.abs(cross) <= SPIKE_RAD * Math.hypot(ba[0], ba[1]) * Math.hypot(bc[0], bc[1]);
      if (backtrack || Math.abs(cross) <= SPIKE_DEG * base) {
        r.splice(i, 1);
        i--;
        changed = true;
      }
    }
  }
  return [...r, [...r[0]]];
}
