/**
 * What a video export is: a moment A to a moment B played over a duration at a frame rate and a
 * size. Pure: the frame times, the checks and the file name are shared by the Share dialog, the
 * offscreen renderer (src/map/export/export-video.ts), `npm run snapshot` and the tests.
 */
import type { MessageId } from '../i18n/i18n';
import { datasetSlug, exportSizeProblem, momentSlug } from './export-compose';

/** What to render. Sizes are video pixels (the export's CSS px at pixel ratio 1). */
export interface VideoSpec {
  /** Moment A and moment B, epoch ms; A may be after B (the replay runs backwards). */
  from: number;
  to: number;
  /** Seconds. */
  duration: number;
  /** Frames per second. */
  fps: number;
  width: number;
  height: number;
}

export type VideoContainer = 'mp4' | 'webm';

export interface VideoExportHooks {
  /** Aborting stops after the current frame: the encoder is closed and no file is made. */
  signal?: AbortSignal;
  /** After each frame is handed to the encoder. */
  onProgress?(done: number, total: number): void;
  /** Only this container (`npm run snapshot` follows the --out extension); default: MP4 if the
   * browser can encode H.264, else WebM. */
  container?: VideoContainer;
}

/** Where the time went, ms, and how often the map drew. */
export interface VideoExportStats {
  frames: number;
  /** The map's `render` events while stepping: one per frame when nothing is drawn twice. */
  mapRenders: number;
  /** Opening the offscreen map up to its first idle. */
  setupMs: number;
  /** Time steps until the map's idle (the map drawing the frame). */
  renderMs: number;
  /** Overlays and reading the map's pixels into the frame's canvas. */
  composeMs: number;
  /** Making a VideoFrame of the composed canvas and queueing it (no pixels are read yet). */
  captureMs: number;
  /**
   * Waiting for the encoder when it is behind. Drawing is asynchronous: the GPU process
   * rasterises the map and the overlays (SwiftShader on the CPU here) while this thread goes on,
   * and the encoder reads each frame's pixels from it, so this is where drawing is paid.
   */
  encodeWaitMs: number;
  /** Flushing the encoder and writing the file. */
  finishMs: number;
  totalMs: number;
}

export interface VideoExportResult {
  blob: Blob;
  /** `<dataset>_<from>_<to>.mp4` (videoFileName). */
  fileName: string;
  container: VideoContainer;
  /** "MP4 (H.264)". */
  label: string;
  stats: VideoExportStats;
}

/** The sizes the dialog offers (px). */
export const VIDEO_PRESETS = [
  { width: 1080, height: 1080, label: '1080 × 1080 (square)', labelId: 'size.square' },
  { width: 1920, height: 1080, label: '1920 × 1080 (landscape, HD)', labelId: 'size.landscapeHd' },
  { width: 1280, height: 720, label: '1280 × 720 (landscape)', labelId: 'size.landscape' },
  { width: 1080, height: 1920, label: '1080 × 1920 (vertical)', labelId: 'size.vertical' },
] as const satisfies readonly {
  width: number;
  height: number;
  label: string;
  labelId: MessageId;
}[];

/** Frame rates the dialog offers. */
export const VIDEO_FPS = [24, 30] as const;
/** Durations the dialog offers, seconds. */
export const DIALOG_DURATION = { min: 5, max: 60 } as const;
/**
 * What the automation hook and `npm run snapshot` accept: wider than the dialog, so a test or a
 * pipeline can make a short, light file (software WebGL draws every frame on the CPU).
 */
export const VIDEO_LIMITS = { minDuration: 1, maxDuration: 60, minFps: 1, maxFps: 60 } as const;
/** The longest side a video may have, px (H.264 level 5.1 and VP9 level 5 go this far). */
export const VIDEO_MAX_PX = 3840;

/** How many frames: duration × fps, rounded. */
export function frameCount(spec: Pick<VideoSpec, 'duration' | 'fps'>): number {
  return Math.round(spec.duration * spec.fps);
}

/**
 * The moment drawn in frame i (epoch ms): A in the first frame, B in the last, evenly between,
 * rounded to the millisecond.
 */
export function frameMoment(spec: VideoSpec, i: number): number {
  const n = frameCount(spec);
  if (n <= 1) return spec.from;
  return Math.round(spec.from + ((spec.to - spec.from) * i) / (n - 1));
}

/** Checks a video request; returns what is wrong, or null. */
export function videoSpecProblem(spec: VideoSpec): string | null {
  if (!Number.isFinite(spec.from) || !Number.isFinite(spec.to))
    return 'moments A and B must be times';
  if (spec.from === spec.to) return 'moments A and B must differ';
  const { minDuration, maxDuration, minFps, maxFps } = VIDEO_LIMITS;
  if (!(spec.duration >= minDuration && spec.duration <= maxDuration))
    return `the duration must be from ${minDuration} to ${maxDuration} seconds`;
  if (!Number.isInteger(spec.fps) || spec.fps < minFps || spec.fps > maxFps)
    return `the frame rate must be a whole number from ${minFps} to ${maxFps}`;
  if (frameCount(spec) < 2) return 'the video needs at least two frames';
  const size = exportSizeProblem({ width: spec.width, height: spec.height, pixelRatio: 1 });
  if (size) return size;
  // 4:2:0 video stores colour per 2 × 2 pixels: encoders refuse odd sizes.
  if (spec.width % 2 !== 0 || spec.height % 2 !== 0)
    return 'width and height must be even numbers of pixels';
  if (Math.max(spec.width, spec.height) > VIDEO_MAX_PX)
    return `the video may be at most ${VIDEO_MAX_PX} px on its longest side`;
  return null;
}

/** "aleppo-front-october-november-2015_2015-10-01-0000utc_2015-11-30-0000utc.mp4". */
export function videoFileName(
  datasetTitle: string,
  from: number,
  to: number,
  extension: 'mp4' | 'webm',
): string {
  return `${datasetSlug(datasetTitle)}_${momentSlug(from)}_${momentSlug(to)}.${extension}`;
}

/** The seconds still needed at the pace so far, or null before there is a pace. */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return Math.max(0, Math.round(((total - done) * elapsedMs) / done / 1000));
}

/** "about 1 min 20 s left", in English (the dialog says it through the `share` catalog). */
export function timeLeftText(done: number, total: number, elapsedMs: number): string {
  const s = secondsLeft(done, total, elapsedMs);
  if (s === null) return 'estimating the time left';
  if (s < 60) return `about ${s} s left`;
  return `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}
