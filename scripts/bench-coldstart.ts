/**
 * `npm run bench:coldstart [-- --runs 5] [--out bench/coldstart.json] [--no-build]`
 *
 * Cold start of the built app against a bare MapLibre page drawing the same basemap
 * (scripts/bench-pages/bare-basemap.ts: the app's basemap layers and fonts, the same maplibre-gl,
 * the dataset's default view). Lighthouse (desktop preset, performance only) runs on each page in
 * turn, alternating, each run in a fresh headless Chromium (Debian's; never downloaded) with
 * software WebGL as in the browser tests. Prints the median LCP and total blocking time of each
 * page and the ratios ours/bare, and what blocked the app's main thread; writes the medians and
 * every run to bench/coldstart.json. Never asserts times.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { build } from 'vite';
import { startServer } from '../tests/e2e/server';
import { parseCliArgs, usageError } from './lib/cli-args';
import { CHROMIUM_ARGS } from '../tests/e2e/driver';

const USAGE =
  'usage: npm run bench:coldstart -- [--runs 5] [--out bench/coldstart.json] [--no-build]';
const opts = parseCliArgs('bench:coldstart', USAGE, {
  runs: { type: 'string', default: '5' },
  out: { type: 'string', default: 'bench/coldstart.json' },
  'no-build': { type: 'boolean', default: false },
});
const RUNS = Number(opts.runs);
if (!(Number.isInteger(RUNS) && RUNS > 0))
  usageError('bench:coldstart', USAGE, '--runs takes a whole number above 0');

const root = resolve(import.meta.dirname, '..');
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The browser tests' flags (tests/e2e/driver.ts): software WebGL, no background traffic.
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const AUDITS = [
  'metrics',
  'largest-contentful-paint',
  'total-blocking-time',
  'first-contentful-paint',
  'largest-contentful-paint-element',
  'mainthread-work-breakdown',
  'bootup-time',
  'long-tasks',
];

const started = Date.now();
if (!opts['no-build'])
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
const bareDir = await mkdtemp(join(tmpdir(), 'conflict-map-bare-'));
await build({
  configFile: false,
  root: join(root, 'scripts/bench-pages'),
  base: './',
  logLevel: 'error',
  build: {
    outDir: bareDir,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: join(root, 'scripts/bench-pages/bare-basemap.html') },
  },
});
const server = await startServer(join(root, 'dist'), [['/bare/', bareDir]]);
const PAGES = {
  ours: `${server.origin}/`,
  bare: `${server.origin}/bare/bare-basemap.html`,
} as const;
type PageName = keyof typeof PAGES;

interface Run {
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  /** LCP as it happened in the trace (not simulated). */
  observedLcpMs: number;
  /** Cumulative layout shift (the waiting header must not move the page). */
  cls: number;
  lcpElement: string;
  /** Main-thread time by kind (ms). */
  mainThread: Record<string, number>;
  /** Script evaluation by URL (ms). */
  bootup: { url: string; total: number; scripting: number }[];
  longTasks: { url: string; startTime: number; duration: number }[];
}

async function lighthouseRun(url: string): Promise<Run> {
  const chrome = await launch({ chromePath: CHROME, chromeFlags: FLAGS, logLevel: 'error' });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        onlyAudits: AUDITS,
        disableFullPageScreenshot: true,
      },
      desktopConfig,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { audits, runtimeError, environment } = result.lhr;
    lighthouseVersion = result.lhr.lighthouseVersion;
    chromium = environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? environment.hostUserAgent;
    // A slow answer to one of Lighthouse's own look-ups (e.g. a response body, 1 s limit on a
    // busy machine) is reported as a runtime error although the trace and metrics are whole:
    // say so, and fail only if a metric is missing (num below).
    if (runtimeError)
      console.warn(`  (Lighthouse: ${runtimeError.code} in ${runtimeError.artifactKey ?? '?'})`);
    const num = (id: string) => {
      const v = audits[id]?.numericValue;
      if (typeof v !== 'number') throw new Error(`Lighthouse gave no ${id} for ${url}`);
      return v;
    };
    type Items = Record<string, unknown>[];
    const items = (id: string) =>
      ((audits[id]?.details as { items?: Items } | undefined)?.items ?? []) as Items;
    const metrics = items('metrics')[0] ?? {};
    const lcpItem = items('largest-contentful-paint-element')[0] as
      | { items?: { node?: { snippet?: string } }[] }
      | undefined;
    return {
      lcpMs: num('largest-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      fcpMs: num('first-contentful-paint'),
      observedLcpMs: Number(metrics.observedLargestContentfulPaint),
      cls: Number(metrics.cumulativeLayoutShift),
      lcpElement: lcpItem?.items?.[0]?.node?.snippet ?? '?',
      mainThread: Object.fromEntries(
        items('mainthread-work-breakdown').map((i) => [String(i.group), Number(i.duration)]),
      ),
      bootup: items('bootup-time').map((i) => ({
        url: String(i.url),
        total: Number(i.total),
        scripting: Number(i.scripting),
      })),
      longTasks: items('long-tasks').map((i) => ({
        url: String(i.url),
        startTime: Number(i.startTime),
        duration: Number(i.duration),
      })),
    };
  } finally {
    chrome.kill();
  }
}

/** As the runs report them. */
let lighthouseVersion = '';
let chromium = '';
const runs: Record<PageName, Run[]> = { ours: [], bare: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    // Alternate which page goes first, so neither always runs on a warmer machine.
    const order: PageName[] = i % 2 ? ['bare', 'ours'] : ['ours', 'bare'];
    for (const name of order) {
      const t0 = Date.now();
      const run = await lighthouseRun(PAGES[name]);
      runs[name].push(run);
      console.log(
        `run ${i + 1}/${RUNS} ${name.padEnd(4)}: LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }
  }
} finally {
  await server.close();
  await rm(bareDir, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (name: PageName) => ({
  lcpMs: median(runs[name].map((r) => r.lcpMs)),
  tbtMs: median(runs[name].map((r) => r.tbtMs)),
  fcpMs: median(runs[name].map((r) => r.fcpMs)),
  observedLcpMs: median(runs[name].map((r) => r.observedLcpMs)),
  cls: median(runs[name].map((r) => r.cls)),
});
const ours = summary('ours');
const bare = summary('bare');
// TBT can be 0 on a quiet run of the bare page: the ratio is then read against 1 ms.
const ratio = (a: number, b: number) => a / Math.max(b, 1);
const ratios = {
  lcp: ratio(ours.lcpMs, bare.lcpMs),
  tbt: ratio(ours.tbtMs, bare.tbtMs),
  observedLcp: ratio(ours.observedLcpMs, bare.observedLcpMs),
};

const fmt = (n: number) => String(Math.round(n)).padStart(6);
console.log(`\nmedians of ${RUNS} (Lighthouse ${lighthouseVersion}, desktop preset, ${chromium})`);
console.log('page  |    LCP |    TBT |    FCP | observed LCP |   CLS');
for (const [name, s] of [
  ['ours', ours],
  ['bare', bare],
] as const)
  console.log(
    `${name.padEnd(5)} | ${fmt(s.lcpMs)} | ${fmt(s.tbtMs)} | ${fmt(s.fcpMs)} | ${fmt(s.observedLcpMs).padStart(12)} | ${s.cls.toFixed(3)}`,
  );
console.log(
  `ratio ours/bare: LCP ${ratios.lcp.toFixed(2)}, TBT ${ratios.tbt.toFixed(2)} (observed LCP ${ratios.observedLcp.toFixed(2)})`,
);

// Where the app's main thread went, in its median-TBT run.
const medianRun = (name: PageName) => {
  const sorted = [...runs[name]].sort((a, b) => a.tbtMs - b.tbtMs);
  return sorted[(sorted.length - 1) >> 1];
};
for (const name of ['ours', 'bare'] as const) {
  const r = medianRun(name);
  console.log(`\n${name}: LCP element ${r.lcpElement}`);
  console.log(
    `  main thread: ${Object.entries(r.mainThread)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(', ')}`,
  );
  console.log(
    `  long tasks: ${r.longTasks.map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} (${t.url.replace(server.origin, '')})`).join('; ') || 'none'}`,
  );
}

const out = resolve(root, opts.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(
  out,
  `${JSON.stringify(
    {
      lighthouse: lighthouseVersion,
      chromium,
      preset: 'desktop',
      runs: RUNS,
      ours,
      bare,
      ratios,
      allRuns: runs,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${out} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
