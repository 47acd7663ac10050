/**
 * Arguments of `npm run snapshot`: a pure parser so that every mistake gets a clear message
 * (and a unit test) before a browser is started. `--t` asks for an image (PNG) of one moment,
 * `--from` and `--to` for a video (MP4 or WebM) from one moment to another.
 */
import { exportSizeProblem } from '../../src/lib/export-compose';
import { parseIsoTime } from '../../src/lib/time';
import { VIDEO_LIMITS, type VideoContainer, videoSpecProblem } from '../../src/lib/video-plan';
import type { LonLat } from '../../src/data/types';

export const SNAPSHOT_USAGE = `usage: npm run snapshot -- --t <ISO time> [view] [--size <width>x<height>] [--scale 1|2] --out <file.png>
       npm run snapshot -- --from <ISO time> --to <ISO time> [--duration <s>] [--fps <n>]
                           [view] [--size <width>x<height>] --out <file.mp4|file.webm>
  view: [--center <lon,lat>] [--zoom <z>] [--layers zones,places,reports]
  --t         an image of this moment, ISO 8601 with a zone, e.g. 2015-10-23T23:34:00Z
  --from/--to a video from moment A to moment B
  --duration  the video's length, ${VIDEO_LIMITS.minDuration} to ${VIDEO_LIMITS.maxDuration} seconds (default 10)
  --fps       frames per second, ${VIDEO_LIMITS.minFps} to ${VIDEO_LIMITS.maxFps} (default 30; the app offers 24 and 30)
  --center    the map centre, e.g. 37.2,36.05 (default: the dataset's view)
  --zoom      0 to 22 (default: the dataset's view)
  --size      pixels (default 1200x675 for an image, 1080x1080 for a video); for an image,
              --scale 2 doubles them for print
  --out       where to write the PNG, or the video: .mp4 (H.264) or .webm (VP9, else VP8)`;

interface ViewArgs {
  center?: LonLat;
  zoom?: number;
  layers?: string[];
  width: number;
  height: number;
  out: string;
}

export interface ImageArgs extends ViewArgs {
  kind: 'image';
  /** Epoch ms. */
  t: number;
  scale: number;
}

export interface VideoArgs extends ViewArgs {
  kind: 'video';
  /** Epoch ms. */
  from: number;
  to: number;
  /** Seconds. */
  duration: number;
  fps: number;
  container: VideoContainer;
}

export type SnapshotArgs = ImageArgs | VideoArgs;

const FLAGS = [
  't',
  'from',
  'to',
  'duration',
  'fps',
  'center',
  'zoom',
  'size',
  'scale',
  'layers',
  'out',
] as const;
type Flag = (typeof FLAGS)[number];
const LAYERS = ['zones', 'places', 'reports'];

type Result = { ok: true; args: SnapshotArgs } | { ok: false; error: string };
const fail = (error: string): Result => ({ ok: false, error });

/** Parses argv (without node and the script); returns the arguments or what is wrong. */
export function parseSnapshotArgs(argv: readonly string[]): Result {
  const raw: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.replace(/^--/, '');
    if (!a.startsWith('--') || !(FLAGS as readonly string[]).includes(name))
      return fail(`unknown argument "${a}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return fail(`--${name} needs a value`);
    raw[name as Flag] = value;
    i++;
  }
  const video = raw.from !== undefined || raw.to !== undefined;
  if (video && raw.t !== undefined)
    return fail('give --t for an image or --from and --to for a video, not both');
  if (!video && raw.t === undefined)
    return fail('--t (an image) or --from and --to (a video) is required');
  const view = parseView(raw, video ? '1080x1080' : '1200x675');
  if ('error' in view) return fail(view.error);
  return video ? parseVideo(raw, view) : parseImage(raw, view);
}

function time(raw: Partial<Record<Flag, string>>, flag: 't' | 'from' | 'to'): number | string {
  const value = raw[flag];
  if (value === undefined) return `--${flag} is required`;
  return (
    parseIsoTime(value) ??
    `--${flag} "${value}" is not an ISO time with a zone (e.g. 2015-10-23T23:34:00Z)`
  );
}

function parseImage(raw: Partial<Record<Flag, string>>, view: ViewArgs): Result {
  const t = time(raw, 't');
  if (typeof t === 'string') return fail(t);
  for (const flag of ['duration', 'fps'] as const)
    if (raw[flag] !== undefined) return fail(`--${flag} is for a video (--from and --to)`);
  if (!view.out.toLowerCase().endsWith('.png'))
    return fail(`--out "${view.out}" must name a .png file`);
  const args: ImageArgs = { kind: 'image', t, ...view, scale: 1 };
  if (raw.scale !== undefined) {
    if (!/^[1-4]$/.test(raw.scale)) return fail(`--scale "${raw.scale}" must be 1, 2, 3 or 4`);
    args.scale = Number(raw.scale);
  }
  const sizeProblem = exportSizeProblem({
    width: args.width,
    height: args.height,
    pixelRatio: args.scale,
  });
  if (sizeProblem) return fail(`--size/--scale: ${sizeProblem}`);
  return { ok: true, args };
}

function parseVideo(raw: Partial<Record<Flag, string>>, view: ViewArgs): Result {
  const from = time(raw, 'from');
  if (typeof from === 'string') return fail(from);
  const to = time(raw, 'to');
  if (typeof to === 'string') return fail(to);
  if (raw.scale !== undefined) return fail('--scale is for an image; a video is --size pixels');
  const ext = /\.(mp4|webm)$/i.exec(view.out)?.[1]?.toLowerCase();
  if (ext !== 'mp4' && ext !== 'webm')
    return fail(`--out "${view.out}" must name a .mp4 or .webm file for a video`);
  const duration = raw.duration === undefined ? 10 : Number(raw.duration);
  const { minDuration, maxDuration, minFps, maxFps } = VIDEO_LIMITS;
  if (raw.duration?.trim() === '' || !(duration >= minDuration && duration <= maxDuration))
    return fail(
      `--duration "${raw.duration}" must be a number of seconds from ${minDuration} to ${maxDuration}`,
    );
  if (raw.fps !== undefined && !/^\d+$/.test(raw.fps))
    return fail(`--fps "${raw.fps}" must be a whole number from ${minFps} to ${maxFps}`);
  const fps = raw.fps === undefined ? 30 : Number(raw.fps);
  const args: VideoArgs = { kind: 'video', from, to, duration, fps, container: ext, ...view };
  const problem = videoSpecProblem(args);
  if (problem) return fail(`cannot make this video: ${problem}`);
  return { ok: true, args };
}

function parseView(
  raw: Partial<Record<Flag, string>>,
  defaultSize: string,
): ViewArgs | { error: string } {
  if (raw.out === undefined) return { error: '--out is required' };
  const size = /^(\d+)x(\d+)$/.exec(raw.size ?? defaultSize);
  if (!size) return { error: `--size "${raw.size}" must be <width>x<height>, e.g. 1200x675` };
  const args: ViewArgs = { width: Number(size[1]), height: Number(size[2]), out: raw.out };
  if (raw.center !== undefined) {
    const c = raw.center.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    if (c.length !== 2 || !c.every(Number.isFinite) || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)
      return { error: `--center "${raw.center}" must be lon,lat in degrees (e.g. 37.2,36.05)` };
    args.center = [c[0], c[1]];
  }
  if (raw.zoom !== undefined) {
    const z = raw.zoom.trim() === '' ? Number.NaN : Number(raw.zoom);
    if (!Number.isFinite(z) || z < 0 || z > 22)
      return { error: `--zoom "${raw.zoom}" must be a number from 0 to 22` };
    args.zoom = z;
  }
  if (raw.layers !== undefined) {
    const names = raw.layers.split(',').filter(Boolean);
    const bad = names.find((n) => !LAYERS.includes(n));
    if (bad) return { error: `--layers: "${bad}" is not one of ${LAYERS.join(', ')}` };
    args.layers = names;
  }
  return args;
}
