/**
 * Arguments of `npm run snapshot`: a pure parser so that every mistake gets a clear message
 * (and a unit test) before a browser is started.
 */
import { exportSizeProblem } from '../../src/lib/export-compose';
import { parseIsoTime } from '../../src/lib/time';
import type { LonLat } from '../../src/data/types';

export const SNAPSHOT_USAGE = `usage: npm run snapshot -- --t <ISO time> [--center <lon,lat>] [--zoom <z>]
         [--size <width>x<height>] [--scale 1|2] [--layers zones,places,reports] --out <file.png>
  --t       the moment, ISO 8601 with a zone, e.g. 2015-10-23T23:34:00Z
  --center  the map centre, e.g. 37.2,36.05 (default: the dataset's view)
  --zoom    0 to 22 (default: the dataset's view)
  --size    CSS pixels (default 1200x675); --scale 2 doubles the pixels for print
  --out     where to write the PNG`;

export interface SnapshotArgs {
  /** Epoch ms. */
  t: number;
  center?: LonLat;
  zoom?: number;
  width: number;
  height: number;
  scale: number;
  layers?: string[];
  out: string;
}

const FLAGS = ['t', 'center', 'zoom', 'size', 'scale', 'layers', 'out'] as const;
const LAYERS = ['zones', 'places', 'reports'];

/** Parses argv (without node and the script); returns the arguments or what is wrong. */
export function parseSnapshotArgs(
  argv: readonly string[],
): { ok: true; args: SnapshotArgs } | { ok: false; error: string } {
  const raw: Partial<Record<(typeof FLAGS)[number], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.replace(/^--/, '');
    if (!a.startsWith('--') || !(FLAGS as readonly string[]).includes(name))
      return { ok: false, error: `unknown argument "${a}"` };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      return { ok: false, error: `--${name} needs a value` };
    raw[name as (typeof FLAGS)[number]] = value;
    i++;
  }
  if (raw.t === undefined) return { ok: false, error: '--t is required' };
  const t = parseIsoTime(raw.t);
  if (t === null)
    return {
      ok: false,
      error: `--t "${raw.t}" is not an ISO time with a zone (e.g. 2015-10-23T23:34:00Z)`,
    };
  if (raw.out === undefined) return { ok: false, error: '--out is required' };
  if (!raw.out.toLowerCase().endsWith('.png'))
    return { ok: false, error: `--out "${raw.out}" must name a .png file` };
  const args: SnapshotArgs = { t, width: 1200, height: 675, scale: 1, out: raw.out };
  if (raw.center !== undefined) {
    const c = raw.center.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    if (c.length !== 2 || !c.every(Number.isFinite) || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)
      return {
        ok: false,
        error: `--center "${raw.center}" must be lon,lat in degrees (e.g. 37.2,36.05)`,
      };
    args.center = [c[0], c[1]];
  }
  if (raw.zoom !== undefined) {
    const z = raw.zoom.trim() === '' ? Number.NaN : Number(raw.zoom);
    if (!Number.isFinite(z) || z < 0 || z > 22)
      return { ok: false, error: `--zoom "${raw.zoom}" must be a number from 0 to 22` };
    args.zoom = z;
  }
  if (raw.size !== undefined) {
    const m = /^(\d+)x(\d+)$/.exec(raw.size);
    if (!m)
      return { ok: false, error: `--size "${raw.size}" must be <width>x<height>, e.g. 1200x675` };
    args.width = Number(m[1]);
    args.height = Number(m[2]);
  }
  if (raw.scale !== undefined) {
    if (!/^[1-4]$/.test(raw.scale))
      return { ok: false, error: `--scale "${raw.scale}" must be 1, 2, 3 or 4` };
    args.scale = Number(raw.scale);
  }
  if (raw.layers !== undefined) {
    const names = raw.layers.split(',').filter(Boolean);
    const bad = names.find((n) => !LAYERS.includes(n));
    if (bad) return { ok: false, error: `--layers: "${bad}" is not one of ${LAYERS.join(', ')}` };
    args.layers = names;
  }
  const sizeProblem = exportSizeProblem({
    width: args.width,
    height: args.height,
    pixelRatio: args.scale,
  });
  if (sizeProblem) return { ok: false, error: `--size/--scale: ${sizeProblem}` };
  return { ok: true, args };
}
