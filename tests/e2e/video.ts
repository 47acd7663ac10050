/**
 * Reading exported videos in browser tests: the container is parsed in Node with mediabunny
 * (the library that wrote it), and the first and last frames are decoded in the page with
 * WebCodecs' VideoDecoder, then compared with PNG exports decoded by the same browser.
 */
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type { Page } from 'playwright-core';

export interface ReadVideo {
  mimeType: string;
  codec: string | null;
  width: number;
  height: number;
  /** Seconds. */
  duration: number;
  /** Packets (frames) in decode order. */
  frames: number;
  /** What VideoDecoder.configure needs, with the description as base64. */
  config: { codec: string; codedWidth?: number; codedHeight?: number; description?: string };
  packets: { type: 'key' | 'delta'; timestamp: number; duration: number; data: string }[];
}

/** Parses an MP4 or WebM file; throws if it is neither. */
export async function readVideo(file: Buffer): Promise<ReadVideo> {
  const input = new Input({ source: new BufferSource(file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('the file has no video track');
  const config = await track.getDecoderConfig();
  if (!config) throw new Error('the video track has no decoder config');
  const packets: ReadVideo['packets'] = [];
  for await (const p of new EncodedPacketSink(track).packets())
    packets.push({
      type: p.type,
      timestamp: Math.round(p.timestamp * 1e6),
      duration: Math.round(p.duration * 1e6),
      data: Buffer.from(p.data).toString('base64'),
    });
  const d = config.description;
  const description = d
    ? Buffer.from(
        ArrayBuffer.isView(d)
          ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
          : new Uint8Array(d),
      ).toString('base64')
    : undefined;
  return {
    mimeType: await input.getMimeType(),
    codec: track.codec,
    width: track.displayWidth,
    height: track.displayHeight,
    duration: await input.computeDuration(),
    frames: packets.length,
    config: {
      codec: config.codec,
      codedWidth: config.codedWidth,
      codedHeight: config.codedHeight,
      description,
    },
    packets,
  };
}

/**
 * Decodes every frame of `video` in the page with VideoDecoder and returns the mean absolute
 * difference per RGB channel (0–255) of its first and last frames from each of the PNGs.
 */
export async function compareEndFrames(
  page: Page,
  video: ReadVideo,
  pngs: { first: Buffer; last: Buffer },
): Promise<{
  decoded: number;
  firstVsFirst: number;
  firstVsLast: number;
  lastVsLast: number;
  lastVsFirst: number;
}> {
  return page.evaluate(
    async ({ video, first, last }) => {
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const pixels = async (source: CanvasImageSource, w: number, h: number) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const ctx = c.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
        ctx.drawImage(source, 0, 0, w, h);
        return ctx.getImageData(0, 0, w, h).data;
      };
      const png = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        return pixels(img, video.width, video.height);
      };
      const frames: { timestamp: number; data: Uint8ClampedArray }[] = [];
      const pending: Promise<void>[] = [];
      const decoder = new VideoDecoder({
        output: (frame) => {
          pending.push(
            pixels(frame, video.width, video.height).then((data) => {
              frames.push({ timestamp: frame.timestamp, data });
              frame.close();
            }),
          );
        },
        error: (e) => {
          throw e;
        },
      });
      const { description, ...config } = video.config;
      decoder.configure({ ...config, ...(description ? { description: bytes(description) } : {}) });
      for (const p of video.packets)
        decoder.decode(
          new EncodedVideoChunk({
            type: p.type,
            timestamp: p.timestamp,
            duration: p.duration,
            data: bytes(p.data),
          }),
        );
      await decoder.flush();
      decoder.close();
      await Promise.all(pending);
      frames.sort((a, b) => a.timestamp - b.timestamp);
      const diff = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let sum = 0;
        let n = 0;
        for (let i = 0; i < a.length; i += 4)
          for (let k = 0; k < 3; k++) {
            sum += Math.abs(a[i + k] - b[i + k]);
            n++;
          }
        return sum / n;
      };
      const [pa, pb] = [await png(first), await png(last)];
      const f0 = frames[0].data;
      const f1 = frames[frames.length - 1].data;
      return {
        decoded: frames.length,
        firstVsFirst: diff(f0, pa),
        firstVsLast: diff(f0, pb),
        lastVsLast: diff(f1, pb),
        lastVsFirst: diff(f1, pa),
      };
    },
    { video, first: pngs.first.toString('base64'), last: pngs.last.toString('base64') },
  );
}
