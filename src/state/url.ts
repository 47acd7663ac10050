/**
 * Shareable state in the URL hash: #t=<ISO time>&c=<lon>,<lat>&z=<zoom>&l=<layers>, in
 * compare mode &a=<ISO time>&b=<ISO time> (b is also t: the map shows moment B), and when the
 * reports are filtered &f=<filter> (filter-hash.ts) and &w=<24h|7d|30d> (the pins' window).
 * Parsing is forgiving: a bad part is ignored, the rest still applies.
 */
import { formatIsoUtc, parseIsoTime } from '../lib/time';
import { formatFilter, parseFilter, rawHashParam } from '../data/filter/filter-hash';
import { parseWindow, type PinWindow } from '../data/filter/pin-window';
import type { ReportFilter } from '../data/filter/report-filter';
import { LAYER_KINDS, type LayerKind, type LonLat } from '../data/types';

export interface HashState {
  t?: number;
  center?: LonLat;
  zoom?: number;
  layers?: LayerKind[];
  /** Compare mode: moments A and B (both present, or neither). */
  compare?: { a: number; b: number };
  /** Which reports are shown (absent: all). */
  filter?: ReportFilter;
  /** The pins' time window (absent: all so far). */
  window?: PinWindow;
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
  // "z=" (emptied by hand) is no zoom, not zoom 0.
  const z = params.get('z') ? Number(params.get('z')) : Number.NaN;
  if (Number.isFinite(z) && z >= 0 && z <= 22) out.zoom = z;
  if (params.has('l')) {
    const names = (params.get('l') ?? '').split(',');
    out.layers = LAYER_KINDS.filter((k) => names.includes(k));
  }
  const a = parseIsoTime(params.get('a'));
  const b = parseIsoTime(params.get('b'));
  if (a !== null && b !== null) {
    out.compare = { a, b };
    out.t = b;
  }
  // Read raw: its values are percent-encoded inside (filter-hash.ts).
  const f = rawHashParam(hash, 'f');
  if (f !== null) out.filter = parseFilter(f);
  const w = parseWindow(params.get('w'));
  if (w) out.window = w;
  return out;
}

/** Writes the hash (with "#"). Centre to 5 decimals (about 1 m), zoom to 2. */
export function formatHash(
  s: Required<Omit<HashState, 'compare' | 'filter' | 'window'>> &
    Pick<HashState, 'compare' | 'filter' | 'window'>,
): string {
  const f = s.filter ? formatFilter(s.filter) : '';
  const parts = [
    `t=${formatIsoUtc(s.t)}`,
    `c=${s.center[0].toFixed(5)},${s.center[1].toFixed(5)}`,
    `z=${s.zoom.toFixed(2)}`,
    `l=${s.layers.join(',')}`,
    ...(s.compare ? [`a=${formatIsoUtc(s.compare.a)}`, `b=${formatIsoUtc(s.compare.b)}`] : []),
    ...(f ? [`f=${f}`] : []),
    ...(s.window && s.window !== 'all' ? [`w=${s.window}`] : []),
  ];
  return `#${parts.join('&')}`;
}
