/**
 * The zone mesh's ring vertices (the edges' buffer, zone-ranges.ts), rebuilt from the decoded
 * zones instead of stored: projecting and measuring rings is linear and cheap, and leaving them
 * out makes a compiled file about a quarter smaller. The arithmetic is buildZoneMesh's
 * (zone-mesh.ts), step for step, so the result is the same to the bit; the round-trip test
 * compares the two buffers byte for byte.
 */
import { otherSide } from '../map-features';
import type { Zone } from '../types';
import {
  BREAK,
  mercator,
  mercatorX,
  mercatorY,
  VERTEX_FLOATS,
  zoneCode,
  type ZoneRange,
  vertexWriter,
} from '../zones/zone-ranges';
import type { PackedGeometries } from '../load/packed-geometry';
import { FormatError } from './format';
import { closed, polygonsOf } from '../zones/rings';

export function ringVertices(
  ranges: readonly ZoneRange[],
  zones: readonly Zone[],
  factionIds: readonly string[],
  /** The zones' geometries packed (codec.ts), read in place of building them. */
  packed?: PackedGeometries | null,
): Float32Array {
  const byId = new Map(zones.map((z) => [z.id, z]));
  const indexOf = new Map(zones.map((z, i) => [z.id, i]));
  const last = ranges.at(-1);
  const vertices = new Float32Array(
    ((last ? last.lineFirst + last.lineCount : 0) + 1) * VERTEX_FLOATS,
  );
  const { put, written } = vertexWriter(vertices);
  for (const range of ranges) {
    const z = byId.get(range.id);
    if (!z || written() !== range.lineFirst)
      throw new FormatError('the mesh does not match the zones');
    const p = z.properties;
    // The map feature's properties, as buildZoneMesh reads them (map-features.ts).
    const code = zoneCode(
      factionIds,
      p.faction,
      p.precision === 'approximate',
      otherSide(p.faction, p.contested),
    );
    const ring = (pts: number[][]) => {
      let dist = 0;
      for (const [i, [x, y]] of pts.entries()) {
        if (i > 0) dist += Math.hypot(x - pts[i - 1][0], y - pts[i - 1][1]);
        put(x, y, dist, code);
      }
      put(pts[pts.length - 1][0], pts[pts.length - 1][1], dist, code + BREAK);
    };
    if (packed) {
      // The same walk over the packed arrays, closing a ring as `closed` does, with no array
      // per vertex (mercator's arithmetic and the loop's above, so the same bits).
      const g = indexOf.get(range.id) ?? -1;
      const { coords, ringEnds, polygonEnds, geometryEnds } = packed;
      const firstRing = g > 0 && geometryEnds[g - 1] > 0 ? polygonEnds[geometryEnds[g - 1] - 1] : 0;
      const endRing = geometryEnds[g] > 0 ? polygonEnds[geometryEnds[g] - 1] : 0;
      for (let r = firstRing; r < endRing; r++) {
        const from = r > 0 ? ringEnds[r - 1] : 0;
        const last = ringEnds[r] - 1;
        const open =
          coords[2 * from] !== coords[2 * last] || coords[2 * from + 1] !== coords[2 * last + 1];
        let [px, py, dist] = [0, 0, 0];
        for (let k = from; k <= last + (open ? 1 : 0); k++) {
          const at = k > last ? from : k;
          const x = mercatorX(coords[2 * at]);
          const y = mercatorY(coords[2 * at + 1]);
          if (k > from) dist += Math.hypot(x - px, y - py);
          put(x, y, dist, code);
          px = x;
          py = y;
        }
        put(px, py, dist, code + BREAK);
      }
    } else
      for (const polygon of polygonsOf(z.geometry))
        for (const r of polygon) ring(closed(r).map(mercator));
    if (written() !== range.lineFirst + range.lineCount)
      throw new FormatError('the mesh does not match the zones');
  }
  put(0, 0, 0, BREAK);
  if (written() * VERTEX_FLOATS !== vertices.length)
    throw new FormatError('the mesh does not match the zones');
  return vertices;
}
