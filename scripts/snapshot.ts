/**
 * `npm run snapshot -- --t <ISO time> [--center lon,lat] [--zoom z] [--size WxH] [--scale 2]
 * --out file.png`: renders the image the app's "Download PNG" makes, headless, for newsroom
 * pipelines. It opens the built app (dist/; run `npm run build` first) in Chromium at a URL
 * describing the moment and calls the same export through the automation hook
 * (window.conflictMap.exportImage), then writes the PNG. Exits 2 on bad arguments, 1 on failure.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { WithAutomation } from '../src/automation';
import { formatIsoUtc } from '../src/lib/time';
import { openApp, startSession } from '../tests/e2e/driver';
import { parseSnapshotArgs, SNAPSHOT_USAGE } from './lib/snapshot-args';

const parsed = parseSnapshotArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`snapshot: ${parsed.error}\n\n${SNAPSHOT_USAGE}`);
  process.exit(2);
}
const a = parsed.args;
const dist = resolve(import.meta.dirname, '../dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('snapshot: no built app in dist/; run `npm run build` first');
  process.exit(1);
}
const hash = [
  `t=${formatIsoUtc(a.t)}`,
  a.center ? `c=${a.center.join(',')}` : '',
  a.zoom !== undefined ? `z=${a.zoom}` : '',
  a.layers ? `l=${a.layers.join(',')}` : '',
]
  .filter(Boolean)
  .join('&');

const session = await startSession();
try {
  const app = await openApp(session, `/#${hash}`);
  const size = { width: a.width, height: a.height, pixelRatio: a.scale };
  const dataUrl = await app.page.evaluate(
    (s) => (window as unknown as WithAutomation).conflictMap.exportImage(s),
    size,
  );
  const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  await mkdir(dirname(resolve(a.out)), { recursive: true });
  await writeFile(a.out, png);
  if (app.errors.length) console.warn(`snapshot: the page reported: ${app.errors.join('; ')}`);
  console.log(`wrote ${a.out} (${a.width * a.scale}x${a.height * a.scale})`);
} catch (e) {
  console.error(`snapshot: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await session.close();
}
