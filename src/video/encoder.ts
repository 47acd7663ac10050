/**
 * Encodes frames drawn on a canvas into an MP4 or WebM file held in memory: WebCodecs'
 * VideoEncoder compresses, mediabunny (https://mediabunny.dev, MPL-2.0) only writes the
 * container. We own the encoder so it gets exactly the config `chooseVideoFormat` checked, and
 * so Cancel can close it. Loaded with the video export only (a lazy chunk).
 */
import {
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import type { VideoFormat } from './format';

export interface FrameEncoder {
  /**
   * Encodes what `canvas` shows now as frame i. Resolves when the encoder can take another
   * frame: at most MAX_QUEUE frames wait, so memory stays flat however long the video.
   */
  add(canvas: HTMLCanvasElement, i: number): Promise<void>;
  /** Flushes the encoder and writes the file. */
  finish(): Promise<Blob>;
  /** Stops: closes the encoder, drops what was written. Safe to call more than once. */
  cancel(): Promise<void>;
  /** Time spent in `add`, ms: making the VideoFrame and queueing it, and waiting for the
   * encoder to catch up (it reads the frame's pixels, so this includes the GPU's drawing). */
  readonly timings: { captureMs: number; waitMs: number };
}

/** Frames waiting in the encoder before `add` waits: enough to keep it busy while the next
 * frame renders, few enough to hold little memory (a 1080 × 1080 frame is 4.7 MB). */
const MAX_QUEUE = 3;
/** A key frame every 2 s, so a player can seek. */
const KEY_EVERY_S = 2;

/** Starts an encoder and an empty file for `format` at `fps` frames per second. */
export async function startFrameEncoder(format: VideoFormat, fps: number): Promise<FrameEncoder> {
  const target = new BufferTarget();
  const output = new Output({
    // "in-memory": the MP4's index goes before the frames, so a browser can play it at once.
    format:
      format.container === 'mp4'
        ? new Mp4OutputFormat({ fastStart: 'in-memory' })
        : new WebMOutputFormat(),
    target,
  });
  const source = new EncodedVideoPacketSource(format.codec);
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();

  let failure: unknown = null;
  /** Wakes `add` when the encoder takes a frame from its queue, or fails. */
  let wake: () => void = () => {};
  // Packets reach the muxer one after another, in the order the encoder made them.
  let written: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      written = written
        .then(() => source.add(EncodedPacket.fromEncodedChunk(chunk), meta))
        .catch((e) => {
          failure ??= e;
        });
    },
    error: (e) => {
      failure ??= e;
      wake();
    },
  });
  encoder.addEventListener('dequeue', () => wake());
  try {
    encoder.configure(format.config);
  } catch (e) {
    // Nothing will be written: release the encoder and the started file before saying so.
    encoder.close();
    await output.cancel();
    throw e;
  }
  const frameUs = 1e6 / fps;
  const check = () => {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  };
  const dequeued = () => new Promise<void>((res) => (wake = res));

  const timings = { captureMs: 0, waitMs: 0 };
  return {
    timings,
    async add(canvas, i) {
      check();
      let mark = performance.now();
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round(i * frameUs),
        duration: Math.round((i + 1) * frameUs) - Math.round(i * frameUs),
      });
      try {
        encoder.encode(frame, { keyFrame: i % Math.max(1, Math.round(KEY_EVERY_S * fps)) === 0 });
      } finally {
        // The encoder holds its own reference; ours goes at once.
        frame.close();
      }
      const now = performance.now();
      timings.captureMs += now - mark;
      mark = now;
      while (encoder.encodeQueueSize > MAX_QUEUE && encoder.state === 'configured') {
        await dequeued();
        check();
      }
      timings.waitMs += performance.now() - mark;
    },
    async finish() {
      check();
      await encoder.flush();
      encoder.close();
      await written;
      check();
      await output.finalize();
      if (!target.buffer) throw new Error('The video file is empty.');
      return new Blob([target.buffer], { type: format.mimeType });
    },
    async cancel() {
      if (encoder.state !== 'closed') encoder.close();
      if (output.state !== 'canceled' && output.state !== 'finalized') await output.cancel();
    },
  };
}
