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
  APPROXIMATE,
  BREAK,
  CONTESTED,
  mercator,
  OTHER,
  VERTEX_FLOATS,
  type ZoneRange,
} from '../zone-ranges';
import { FormatError } from './format';
import { closed, polygonsOf } from '../zones/rings';

export function ringVertices(
  ranges: readonly ZoneRange[],
  zones: readonly Zone[],
  factionIds: readonly string[],
): Float32Array {
  const byId = new Map(zones.map((z) => [z.id, z]));
  const last = ranges.at(-1);
  const vertices = new Float32Array(
    ((last ? last.lineFirst + last.lineCount : 0) + 1) * VERTEX_FLOATS,
  );
  let v = 0;
  const put = (x: number, y: number, dist: number, code: number) => {
    const o = v * VERTEX_FLOATS;
    vertices[o] = x;
    vertices[o + 1] = y;
    vertices[o + 2] = dist;
    vertices[o + 3] = code;
    v++;
  };
  for (const range of ranges) {
    const z = byId.get(range.id);
    if (!z || v !== range.lineFirst) throw new FormatError('the mesh does not match the zones');
    const p = z.properties;
    const contested = otherSide(p.faction, p.contested);
    const faction = factionIds.indexOf(p.faction);
    const other = contested ? factionIds.indexOf(contested) : -1;
    const code =
      (faction < 0 ? factionIds.length : faction) +
      (p.precision === 'approximate' ? APPROXIMATE : 0) +
      (contested ? CONTESTED + OTHER * (other < 0 ? factionIds.length : other) : 0);
    for (const polygon of polygonsOf(z.geometry))
      for (const ring of polygon) {
        const pts = closed(ring).map(mercator);
        let dist = 0;
        for (const [i, [x, y]] of pts.entries()) {
          if (i > 0) dist += Math.hypot(x - pts[i - 1][0], y - pts[i - 1][1]);
          put(x, y, dist, code);
        }
        put(pts[pts.length - 1][0], pts[pts.length - 1][1], dist, code + BREAK);
      }
    if (v !== range.lineFirst + range.lineCount)
      throw new FormatError('the mesh does not match the zones');
  }
  put(0, 0, 0, BREAK);
  if (v * VERTEX_FLOATS !== vertices.length)
    throw new FormatError('the mesh does not match the zones');
  return vertices;
}
