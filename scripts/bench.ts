/**
 * `npm run bench [-- --quick] [--dataset path/to/dataset.json] [--out bench/results.json]`
 *   [--cases 100000x365,...] [--strategies gpu,setdata,...]
 *
 * Builds synthetic datasets (pins 1k/10k/100k; zones 30 and 365 daily versions of a front of a
 * few thousand vertices), opens the built app in headless Chromium for each, and measures in the
 * same run: the scrub cost (time change -> map idle), the floor (a repaint with nothing
 * changed), a report filter or pin window change (-> idle, with the panel, feed and strip
 * redrawn), the naive setData baseline, and the `paint` alternative; plus cold start and the
 * gzipped JS split into MapLibre and the app's own code. Prints ratios; never asserts times.
 *
 * `--load [--runs n]` runs only the load section instead (scripts/lib/bench-load.ts): a year of
 * real-shaped daily zones opened by the app and by a bare MapLibre page, time to the data drawn
 * and main-thread long tasks for each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WithAutomation } from '../src/automation';
import { openApp, startSession } from '../tests/e2e/driver';
import { benchLoad, printLoad } from './lib/bench-load';
import { parseCliArgs } from './lib/cli-args';
import { writeSyntheticDataset } from './lib/synthetic';

const USAGE =
  'usage: npm run bench -- [--quick] [--dataset path/to/dataset.json] [--out bench/results.json] [--steps n] [--cases 100000x365,...] [--strategies gpu,setdata,...] [--no-build] [--load [--runs n] [--before-dist dir]]';
const opts = parseCliArgs('bench', USAGE, {
  quick: { type: 'boolean', default: false },
  dataset: { type: 'string' },
  out: { type: 'string', default: 'bench/results.json' },
  steps: { type: 'string' },
  /** Only these cases, e.g. "100000x365,1000x30" (pins x zone versions). */
  cases: { type: 'string' },
  /** Only these strategies besides the floor, e.g. "gpu,setdata". */
  strategies: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  /** Only the load section: ours against a bare MapLibre page on a year of real-shaped zones. */
  load: { type: 'boolean', default: false },
  /** Load section: how many ours/bare pairs (alternating). */
  runs: { type: 'string', default: '1' },
  /** Load section: also measure another build of the app (a dist folder), e.g. the commit
   * before a change, in the same run. */
  'before-dist': { type: 'string' },
});
const quick = opts.quick;
const STEPS = Number(opts.steps ?? (quick ? 8 : 16));
const root = resolve(import.meta.dirname, '..');
const allCases = quick
  ? [
      { pins: 1_000, zoneVersions: 30 },
      { pins: 10_000, zoneVersions: 30 },
    ]
  : [
      { pins: 1_000, zoneVersions: 30 },
      { pins: 10_000, zoneVersions: 30 },
      { pins: 100_000, zoneVersions: 30 },
      { pins: 100_000, zoneVersions: 365 },
    ];
const cases = opts.cases
  ? opts.cases.split(',').map((c) => {
      const [pins, zoneVersions] = c.split('x').map(Number);
      if (!(pins > 0 && zoneVersions > 0))
        throw new Error(`--cases: "${c}" is not <pins>x<versions>`);
      return { pins, zoneVersions };
    })
  : allCases;
// --quick measures only what the targets read (ours and the setData baseline).
const ALL_STRATEGIES = ['gpu', 'tiled', 'perday', 'keyed', 'filter', 'paint', 'setdata'] as const;
const strategies = opts.strategies
  ? ALL_STRATEGIES.filter((s) => opts.strategies?.split(',').includes(s))
  : quick
    ? (['gpu', 'setdata'] as const)
    : ALL_STRATEGIES;

if (!opts['no-build'])
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
const work = await mkdtemp(join(tmpdir(), 'conflict-map-bench-'));
const session = await startSession([
  ['/bench-data/', work],
  ...(opts['before-dist'] ? [['/before/', resolve(opts['before-dist'])] as [string, string]] : []),
  ...(opts.dataset
    ? [['/bench-external/', dirname(resolve(opts.dataset))] as [string, string]]
    : []),
]);

if (opts.load) {
  const runs = await benchLoad(session, work, Number(opts.runs), Boolean(opts['before-dist']));
  await session.close();
  await rm(work, { recursive: true, force: true });
  printLoad(runs);
  await mkdir(dirname(resolve(opts.out)), { recursive: true });
  await writeFile(
    resolve(opts.out),
    `${JSON.stringify({ date: new Date().toISOString(), load: runs }, null, 2)}\n`,
  );
  console.log(`written to ${opts.out}`);
  process.exit(0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** In the page: n time steps (or n plain repaints), each timed from the change to map idle. */
async function measure(path: string, strategy: string, mode: 'scrub' | 'floor' | 'filter') {
  const app = await openApp(session, `${path}${path.includes('?') ? '&' : '?'}time=${strategy}`);
  const coldStartMs = await app.page.evaluate(() => performance.now());
  for (const u of app.requests) if (/\.m?js$/.test(u)) loadedJs.add(basename(new URL(u).pathname));
  const times = await app.page.evaluate(
    async ({ n, mode }) => {
      const hook = (window as unknown as WithAutomation).conflictMap;
      const [start, end] = hook.store.getState().domain;
      const out: number[] = [];
      for (let i = -2; i < n; i++) {
        // A scrub as a user makes it: consecutive keyboard steps (1/240 of the range, the app's
        // Left/Right step) through the middle of the range.
        const t = start + (end - start) * (0.5 + (i - n / 2) / 240);
        const s = hook.store.getState();
        // Filter steps: what an analyst clicks, in turn a status, a window, two statuses, all.
        const none = { status: [], category: [], source: [], post: [], text: '' };
        const filterStep = [
          () => s.setFilter({ ...none, status: ['confirmed'] }),
          () => s.setPinWindow('7d'),
          () => s.setFilter({ ...none, status: ['claimed', 'unconfirmed'] }),
          () => s.setPinWindow('all'),
        ][(i + 4) % 4];
        const t0 = performance.now();
        const idle = hook.whenIdle();
        if (mode === 'scrub') s.setTime(t);
        if (mode === 'filter') filterStep();
        await idle;
        if (i >= 0) out.push(performance.now() - t0);
      }
      return out;
    },
    { n: STEPS, mode },
  );
  await app.page.close();
  return { times, coldStartMs };
}

const results: Record<string, unknown>[] = [];
/** JS files the app actually requested (lazy chunks it never loads are not its cost). */
const loadedJs = new Set<string>();
const all = [
  ...cases.map((c) => ({ ...c, name: `${c.pins / 1000}k pins, ${c.zoneVersions} zone versions` })),
];
for (const c of all) {
  const dir = join(work, `${c.pins}-${c.zoneVersions}`);
  await writeSyntheticDataset(dir, c);
  results.push(await runCase(`/?dataset=bench-data/${basename(dir)}/dataset.json`, c.name, c));
  await rm(dir, { recursive: true });
}
if (opts.dataset)
  results.push(
    await runCase(`/?dataset=bench-external/${basename(opts.dataset)}`, opts.dataset, {
      pins: -1,
      zoneVersions: -1,
    }),
  );

async function runCase(path: string, name: string, c: { pins: number; zoneVersions: number }) {
  process.stdout.write(`${name}: `);
  const floor = await measure(path, 'gpu', 'floor');
  const row: Record<string, number | string> = {
    name,
    pins: c.pins,
    zoneVersions: c.zoneVersions,
    floorMedianMs: median(floor.times),
    coldStartMs: Math.round(floor.coldStartMs),
  };
  // A filter or window change costs a mask of one byte a pin and a uniform (GPU pins only).
  if (strategies.includes('gpu')) {
    const r = await measure(path, 'gpu', 'filter');
    // Even steps change the filter, odd ones the window.
    const filter = r.times.filter((_, i) => i % 2 === 0);
    const window = r.times.filter((_, i) => i % 2 === 1);
    Object.assign(row, {
      filterMedianMs: median(filter),
      filterP95Ms: p95(filter),
      windowMedianMs: median(window),
      windowP95Ms: p95(window),
    });
  }
  for (const s of strategies) {
    const r = await measure(path, s, 'scrub');
    process.stdout.write(`${s} `);
    if (s === 'gpu')
      Object.assign(row, { scrubMedianMs: median(r.times), scrubP95Ms: p95(r.times) });
    if (s === 'tiled')
      Object.assign(row, { tiledMedianMs: median(r.times), tiledP95Ms: p95(r.times) });
    if (s === 'perday')
      Object.assign(row, { perDayMedianMs: median(r.times), perDayP95Ms: p95(r.times) });
    if (s === 'keyed')
      Object.assign(row, { keyedMedianMs: median(r.times), keyedP95Ms: p95(r.times) });
    if (s === 'filter')
      Object.assign(row, { plainFilterMedianMs: median(r.times), plainFilterP95Ms: p95(r.times) });
    if (s === 'paint')
      Object.assign(row, { paintMedianMs: median(r.times), paintP95Ms: p95(r.times) });
    if (s === 'setdata')
      Object.assign(row, { baselineMedianMs: median(r.times), baselineP95Ms: p95(r.times) });
  }
  process.stdout.write('\n');
  return row;
}

const assets = await readdir(join(root, 'dist/assets'));
const gz = async (pred: (f: string) => boolean) => {
  let n = 0;
  for (const f of assets.filter((f) => loadedJs.has(f) && pred(f)))
    n += gzipSync(await readFile(join(root, 'dist/assets', f))).length;
  return n;
};
const summary = {
  date: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, node ${process.version}, headless Chromium with SwiftShader (software WebGL)`,
  steps: STEPS,
  cases: results,
  coldStartMs: results[0]?.coldStartMs,
  appJsGzipBytes: await gz((f) => !f.startsWith('maplibre')),
  maplibreJsGzipBytes: await gz((f) => f.startsWith('maplibre')),
};
await session.close();
await rm(work, { recursive: true, force: true });
await mkdir(dirname(resolve(opts.out)), { recursive: true });
await writeFile(resolve(opts.out), `${JSON.stringify(summary, null, 2)}\n`);

const f = (n: unknown) =>
  typeof n === 'number' ? n.toFixed(0).padStart(7) : String(n ?? '-').padStart(7);
const r2 = (n: number) => n.toFixed(2).padStart(6);
console.log(
  '\nmedian ms: floor, ours (gpu pins and zones, keyed places; p95), tiled zones (gpu pins), per-day zone sources, keyed sources only, plain global-state filter, paint-only, setData baseline (- = not run)',
);
const rows = results as Record<string, number>[];
console.log(
  'case                                  floor    ours    p95   tiled  perday   keyed  filter   paint setData | ours/floor  setData/ours overhead  tiled/ours overhead',
);
for (const r of results as Record<string, number>[]) {
  // Overheads over the floor, at least 1 ms so a ratio stays finite when ours is at the floor.
  const over = (x: number) => Math.max(1, x - r.floorMedianMs);
  console.log(
    `${String(r.name).padEnd(36)}${f(r.floorMedianMs)} ${f(r.scrubMedianMs)} ${f(r.scrubP95Ms)} ${f(r.tiledMedianMs)} ${f(r.perDayMedianMs)} ${f(r.keyedMedianMs)} ${f(r.plainFilterMedianMs)} ${f(r.paintMedianMs)} ${f(r.baselineMedianMs)} |    ${r2(r.scrubMedianMs / r.floorMedianMs)}                ${r2(over(r.baselineMedianMs) / over(r.scrubMedianMs))}                ${r.tiledMedianMs === undefined ? '     -' : r2(over(r.tiledMedianMs) / over(r.scrubMedianMs))}`,
  );
}
console.log(
  '\nreport filter change and pin window change (ours, gpu): median ms (p95), and their ratios to the floor and to a time step',
);
for (const r of rows.filter((r) => r.filterMedianMs !== undefined))
  console.log(
    `${String(r.name).padEnd(36)} filter ${f(r.filterMedianMs)} (${f(r.filterP95Ms)})  window ${f(r.windowMedianMs)} (${f(r.windowP95Ms)}) | filter/floor ${r2(r.filterMedianMs / r.floorMedianMs)}  filter/step ${r2(r.filterMedianMs / r.scrubMedianMs)}  window/floor ${r2(r.windowMedianMs / r.floorMedianMs)}  window/step ${r2(r.windowMedianMs / r.scrubMedianMs)}`,
  );
console.log(
  `\ncold start ${summary.coldStartMs} ms (first case); JS gzip: app ${(summary.appJsGzipBytes / 1024).toFixed(1)} KB, MapLibre ${(summary.maplibreJsGzipBytes / 1024).toFixed(1)} KB`,
);
console.log(`written to ${opts.out}`);
