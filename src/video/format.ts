/**
 * Which video the browser can make: MP4 with H.264 where it can encode it, WebM with VP9 or VP8
 * otherwise, each checked with `VideoEncoder.isConfigSupported` for the exact size and frame
 * rate. The encoder (encoder.ts) is configured with the very config checked here, so what the
 * dialog announces is what gets written. No mediabunny here: the dialog loads this to say which
 * format you will get without fetching the muxer.
 */

import type { VideoContainer } from '../lib/video-plan';

export type { VideoContainer };
/** mediabunny's names for the codecs. */
export type VideoCodecName = 'avc' | 'vp9' | 'vp8';

export interface VideoFormat {
  container: VideoContainer;
  codec: VideoCodecName;
  /** For people: "MP4 (H.264)". */
  label: string;
  mimeType: string;
  /** What VideoEncoder.configure gets. */
  config: VideoEncoderConfig;
}

/** H.264 levels: largest frame in macroblocks (16 × 16 px) and macroblocks per second. */
const AVC_LEVELS = [
  { level: 0x1f, frame: 3600, rate: 108_000 }, // 3.1
  { level: 0x20, frame: 5120, rate: 216_000 }, // 3.2
  { level: 0x28, frame: 8192, rate: 245_760 }, // 4.0
  { level: 0x2a, frame: 8704, rate: 522_240 }, // 4.2
  { level: 0x32, frame: 22_080, rate: 589_824 }, // 5.0
  { level: 0x33, frame: 36_864, rate: 983_040 }, // 5.1
  { level: 0x34, frame: 36_864, rate: 2_073_600 }, // 5.2
];
/** VP9 levels: largest picture and luma samples per second. */
const VP9_LEVELS = [
  { level: 21, picture: 245_760, rate: 11_059_200 },
  { level: 30, picture: 552_960, rate: 23_654_400 },
  { level: 31, picture: 983_040, rate: 36_864_000 },
  { level: 40, picture: 2_228_224, rate: 83_558_400 },
  { level: 41, picture: 2_228_224, rate: 160_432_128 },
  { level: 50, picture: 8_912_896, rate: 311_951_360 },
  { level: 51, picture: 8_912_896, rate: 588_251_136 },
];

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** The lowest H.264 level for the size and rate, as the two hex digits of a codec string. */
export function avcLevel(width: number, height: number, fps: number): string | null {
  const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const found = AVC_LEVELS.find((l) => mbs <= l.frame && mbs * fps <= l.rate);
  return found ? hex(found.level) : null;
}

/** The lowest VP9 level for the size and rate, as two decimal digits. */
export function vp9Level(width: number, height: number, fps: number): string | null {
  const px = width * height;
  const found = VP9_LEVELS.find((l) => px <= l.picture && px * fps <= l.rate);
  return found ? String(found.level) : null;
}

/**
 * Bits per second: 0.1 bit per pixel per frame (a map is mostly flat colour and changes little
 * from frame to frame), from 1 to 12 Mbit/s. 1080 × 1080 at 30 fps: 3.5 Mbit/s.
 */
export function videoBitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(12e6, Math.max(1e6, width * height * fps * 0.1)));
}

/** The configs to try, best first: H.264 High, Main, Constrained Baseline; VP9; VP8. */
export function candidateFormats(
  width: number,
  height: number,
  fps: number,
  container?: VideoContainer,
): VideoFormat[] {
  const base = { width, height, framerate: fps, bitrate: videoBitrate(width, height, fps) };
  const out: VideoFormat[] = [];
  const avc = avcLevel(width, height, fps);
  if (avc && container !== 'webm')
    for (const profile of ['6400', '4d00', '42e0'])
      out.push({
        container: 'mp4',
        codec: 'avc',
        label: 'MP4 (H.264)',
        mimeType: 'video/mp4',
        // "avc": parameter sets in the decoder config (avcC), as MP4 stores them.
        config: { ...base, codec: `avc1.${profile}${avc}`, avc: { format: 'avc' } },
      });
  if (container !== 'mp4') {
    const vp9 = vp9Level(width, height, fps);
    if (vp9)
      out.push({
        container: 'webm',
        codec: 'vp9',
        label: 'WebM (VP9)',
        mimeType: 'video/webm',
        config: { ...base, codec: `vp09.00.${vp9}.08` },
      });
    out.push({
      container: 'webm',
      codec: 'vp8',
      label: 'WebM (VP8)',
      mimeType: 'video/webm',
      config: { ...base, codec: 'vp8' },
    });
  }
  return out;
}

/** Why this browser cannot make a video at all, or null if it has WebCodecs. */
export function webCodecsProblem(): string | null {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined')
    return 'This browser cannot make videos: it has no WebCodecs video encoder. Use a recent Chrome, Edge, Firefox or Safari, or `npm run snapshot` on a computer.';
  return null;
}

/**
 * The first format the browser can encode at this size and rate (asked with
 * VideoEncoder.isConfigSupported), or what is wrong.
 */
export async function chooseVideoFormat(
  width: number,
  height: number,
  fps: number,
  container?: VideoContainer,
): Promise<{ format: VideoFormat } | { problem: string }> {
  const missing = webCodecsProblem();
  if (missing) return { problem: missing };
  for (const f of candidateFormats(width, height, fps, container)) {
    const answer = await VideoEncoder.isConfigSupported(f.config).catch(() => null);
    if (answer?.supported) return { format: f };
  }
  const what =
    container === 'mp4'
      ? 'H.264 (MP4)'
      : container === 'webm'
        ? 'VP9 or VP8 (WebM)'
        : 'H.264, VP9 or VP8';
  return {
    problem: `This browser cannot encode ${what} video at ${width} × ${height}, ${fps} fps.`,
  };
}
