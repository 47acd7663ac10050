/**
 * `npm run bench:compiled [-- --runs 3] [--no-build] [--no-large] [--http2]`
 *
 * Opens the built app from the GeoJSON and from the precompiled file (docs/compiled-data.md) in
 * the same run, alternating, and prints the time to the app's ready (`window.conflictMap.ready`:
 * the map open and every file loaded, from navigation start) and the longest main-thread task,
 * for the bundled dataset and a generated year of 365 daily zone versions (~29 MB of zones).
 * "GeoJSON" is the app with its compiled file answered 404, i.e. the real fall-back. Prints
 * ratios; never asserts times. `--http2` serves everything over HTTP/2 and TLS (a self-signed
 * certificate), as static hosts do, instead of HTTP/1.1's six connections per host.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { compiledNameFor, readHeader } from '../src/data/compiled/format';
import { startSession } from '../tests/e2e/driver';
import { parseCliArgs } from './lib/cli-args';
import { compileLocal } from './lib/compile-local';
import { writeSyntheticDataset } from './lib/synthetic';

const USAGE = 'usage: npm run bench:compiled -- [--runs 3] [--no-build] [--no-large] [--http2]';
const opts = parseCliArgs('bench:compiled', USAGE, {
  runs: { type: 'string', default: '3' },
  'no-build': { type: 'boolean', default: false },
  'no-large': { type: 'boolean', default: false },
  http2: { type: 'boolean', default: false },
});
const RUNS = Number(opts.runs);
const root = resolve(import.meta.dirname, '..');
if (!opts['no-build'])
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });

const work = await mkdtemp(join(tmpdir(), 'conflict-map-bench-compiled-'));
const session = await startSession([['/bench-data/', work]], { http2: opts.http2 });

/** Bytes of the source files a compiled file lists (what the GeoJSON path reads). */
const sourceBytes = async (manifest: string) => {
  const header = readHeader(new Uint8Array(await readFile(compiledNameFor(manifest))));
  let n = 0;
  for (const s of header.sources)
    n += (
      await stat(s.path ? join(dirname(manifest), s.path) : manifest).catch(() => ({ size: 0 }))
    ).size;
  return n;
};

// Hooks `conflictMap.ready` the moment the app sets it, and records long tasks from the start.
const INIT = `(() => {
  window.__longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: 'longtask', buffered: true });
  let hook;
  Object.defineProperty(window, 'conflictMap', { configurable: true, get: () => hook,
    set: (h) => { hook = h; h.ready.then(() => { window.__readyAt = performance.now(); }); } });
})()`;

async function openOnce(path: string, compiled: boolean) {
  const notes: string[] = [];
  // Not the test driver's openApp: it waits for `'conflictMap' in window`, which INIT's
  // property makes true from the start.
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(INIT);
  page.on('console', (m) => {
    if (m.text().startsWith('Precompiled dataset:')) notes.push(m.text());
  });
  if (!compiled) await page.route('**/*.compiled.bin', (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto(session.server.origin + path);
  await page.waitForFunction(() => '__readyAt' in window, undefined, { timeout: 180_000 });
  const { readyAt, dataAt, longest } = await page.evaluate(() => ({
    readyAt: (window as unknown as { __readyAt: number }).__readyAt,
    dataAt: performance.getEntriesByName('dataset-loaded')[0]?.startTime ?? Number.NaN,
    longest: (window as unknown as { __longest: number }).__longest,
  }));
  await page.close();
  const used = notes.some((n) => /opened from/.test(n));
  if (used !== compiled) throw new Error(`expected compiled=${compiled}, got: ${notes.join(' ')}`);
  return { readyAt, dataAt, longest };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: Record<string, string | number>[] = [];
async function runCase(name: string, path: string, dir: string) {
  process.stdout.write(`${name}: `);
  const geo: Awaited<ReturnType<typeof openOnce>>[] = [];
  const bin: Awaited<ReturnType<typeof openOnce>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    geo.push(await openOnce(path, false));
    bin.push(await openOnce(path, true));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  const row = {
    name,
    sourceMB: (await sourceBytes(join(dir, 'dataset.json'))) / 1e6,
    compiledMB: (await stat(compiledNameFor(join(dir, 'dataset.json')))).size / 1e6,
    geojsonDataMs: median(geo.map((r) => r.dataAt)),
    compiledDataMs: median(bin.map((r) => r.dataAt)),
    geojsonReadyMs: median(geo.map((r) => r.readyAt)),
    compiledReadyMs: median(bin.map((r) => r.readyAt)),
    geojsonLongestTaskMs: median(geo.map((r) => r.longest)),
    compiledLongestTaskMs: median(bin.map((r) => r.longest)),
  };
  rows.push(row);
}

await runCase('bundled dataset', '/', join(root, 'dist/data'));
if (!opts['no-large']) {
  const dir = join(work, 'year');
  const manifest = await writeSyntheticDataset(dir, { pins: 1000, zoneVersions: 365 });
  const t0 = performance.now();
  const { bytes } = await compileLocal(manifest);
  if (!bytes) throw new Error('the synthetic dataset did not compile');
  await writeFile(compiledNameFor(manifest), bytes);
  console.log(`compiled the year in ${Math.round(performance.now() - t0)} ms (Node)`);
  await runCase('365 daily zone versions', '/?dataset=bench-data/year/dataset.json', dir);
}
await session.close();
await rm(work, { recursive: true, force: true });

const f = (n: number, w = 8) => n.toFixed(0).padStart(w);
console.log(
  `\n${opts.http2 ? 'HTTP/2 over TLS' : 'HTTP/1.1'}; medians of ${RUNS} opens each, alternating; ms from navigation start to the dataset in the page (the worker's result received) and to conflictMap.ready (the map open, every file loaded)`,
);
console.log(
  'case                       source MB  compiled MB | data: GeoJSON  compiled  ratio | ready: GeoJSON  compiled  ratio | longest task: GeoJSON  compiled',
);
for (const r of rows as Record<string, number>[])
  console.log(
    `${String(r.name).padEnd(26)} ${r.sourceMB.toFixed(1).padStart(9)} ${r.compiledMB.toFixed(1).padStart(12)} | ${f(r.geojsonDataMs, 13)} ${f(r.compiledDataMs, 9)} ${(r.geojsonDataMs / r.compiledDataMs).toFixed(2).padStart(6)} | ${f(r.geojsonReadyMs, 14)} ${f(r.compiledReadyMs, 9)} ${(r.geojsonReadyMs / r.compiledReadyMs).toFixed(2).padStart(6)} | ${f(r.geojsonLongestTaskMs, 21)} ${f(r.compiledLongestTaskMs, 9)}`,
  );
