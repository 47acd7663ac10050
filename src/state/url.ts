/**
 * Shareable state in the URL hash: #t=<ISO time>&c=<lon>,<lat>&z=<zoom>&l=<layers>.
 * Parsing is forgiving: a bad part is ignored, the rest still applies.
 */
import { formatIsoUtc, parseIsoTime } from '../lib/time';
import { LAYER_KINDS, type LayerKind, type LonLat } from '../data/types';

export interface HashState {
  t?: number;
  center?: LonLat;
  zoom?: number;
  layers?: LayerKind[];
}

/** Reads a location hash ("#t=...&c=..." or without "#"). */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: HashState = {};
  const t = parseIsoTime(params.get('t'));
  if (t !== null) out.t = t;
  const c = params.get('c')?.split(',').map(Number);
  if (
    c &&
    c.length === 2 &&
    c.every(Number.isFinite) &&
    Math.abs(c[0]) <= 180 &&
    Math.abs(c[1]) <= 90
  )
    out.center = [c[0], c[1]];
  const z = Number(params.get('z'));
  if (params.has('z') && Number.isFinite(z) && z >= 0 && z <= 22) out.zoom = z;
  if (params.has('l')) {
    const names = (params.get('l') ?? '').split(',');
    out.layers = LAYER_KINDS.filter((k) => names.includes(k));
  }
  return out;
}

/** Writes the hash (with "#"). Centre to 5 decimals (about 1 m), zoom to 2. */
export function formatHash(s: Required<HashState>): string {
  const parts = [
    `t=${formatIsoUtc(s.t)}`,
    `c=${s.center[0].toFixed(5)},${s.center[1].toFixed(5)}`,
    `z=${s.zoom.toFixed(2)}`,
    `l=${s.layers.join(',')}`,
  ];
  return `#${parts.join('&')}`;
}
