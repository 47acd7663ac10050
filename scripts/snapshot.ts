/**
 * `npm run snapshot -- --t <ISO time> … --out file.png` renders the image the app's "Download
 * PNG" makes; `npm run snapshot -- --from <ISO time> --to <ISO time> [--duration s] [--fps n] …
 * --out file.mp4` the video "Download video" makes. Headless, for newsroom pipelines: it opens
 * the built app (dist/; run `npm run build` first) in Chromium at a URL describing the moment
 * and view and calls the same export through the automation hook (window.conflictMap), then
 * writes the file. Exits 2 on bad arguments (with the usage), 1 on failure.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { WithAutomation } from '../src/automation';
import { formatIsoUtc } from '../src/lib/time';
import { openApp, startSession } from '../tests/e2e/driver';
import { parseSnapshotArgs, SNAPSHOT_USAGE, type SnapshotArgs } from './lib/snapshot-args';

const parsed = parseSnapshotArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`snapshot: ${parsed.error}\n\n${SNAPSHOT_USAGE}`);
  process.exit(2);
}
const a: SnapshotArgs = parsed.args;
const dist = resolve(import.meta.dirname, '../dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('snapshot: no built app in dist/; run `npm run build` first');
  process.exit(1);
}
const hash = [
  `t=${formatIsoUtc(a.kind === 'image' ? a.t : a.from)}`,
  a.center ? `c=${a.center.join(',')}` : '',
  a.zoom !== undefined ? `z=${a.zoom}` : '',
  a.layers ? `l=${a.layers.join(',')}` : '',
]
  .filter(Boolean)
  .join('&');

const fromDataUrl = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');

const session = await startSession();
try {
  const app = await openApp(session, `/#${hash}`);
  await mkdir(dirname(resolve(a.out)), { recursive: true });
  if (a.kind === 'image') {
    const size = { width: a.width, height: a.height, pixelRatio: a.scale };
    const dataUrl = await app.page.evaluate(
      (s) => (window as unknown as WithAutomation).conflictMap.exportImage(s),
      size,
    );
    await writeFile(a.out, fromDataUrl(dataUrl));
    console.log(`wrote ${a.out} (${a.width * a.scale}x${a.height * a.scale})`);
  } else {
    // Progress on stderr, about every tenth of the frames.
    let shown = 0;
    await app.page.exposeFunction('snapshotProgress', (done: number, total: number) => {
      if (done === total || done - shown >= Math.max(1, Math.round(total / 10))) {
        shown = done;
        process.stderr.write(`snapshot: frame ${done} of ${total}\n`);
      }
    });
    const { from, to, duration, fps, width, height, container } = a;
    const video = await app.page.evaluate(
      ({ spec, container }) => {
        const w = window as unknown as WithAutomation & {
          snapshotProgress(done: number, total: number): void;
        };
        // The exposed function itself, not an arrow around it: tsx would wrap a named arrow in
        // a helper (__name) that the page does not have.
        return w.conflictMap.exportVideo(spec, { container, onProgress: w.snapshotProgress });
      },
      { spec: { from, to, duration, fps, width, height }, container },
    );
    await writeFile(a.out, fromDataUrl(video.dataUrl));
    const s = video.stats;
    const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;
    console.log(
      `wrote ${a.out} (${video.label}, ${width}x${height}, ${s.frames} frames at ${fps} fps) in ${ms(s.totalMs)}: ` +
        `opening the map ${ms(s.setupMs)}, drawing frames ${ms(s.renderMs)}, overlays ${ms(s.composeMs)}, ` +
        `queueing frames ${ms(s.captureMs)}, waiting for the encoder (and the GPU's drawing it reads) ${ms(s.encodeWaitMs)}, writing ${ms(s.finishMs)}; the map drew ${s.mapRenders} times for ${s.frames - 1} steps`,
    );
  }
  if (app.errors.length) console.warn(`snapshot: the page reported: ${app.errors.join('; ')}`);
} catch (e) {
  console.error(`snapshot: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await session.close();
}
