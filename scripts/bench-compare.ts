/**
 * `npm run bench:compare`: how long a comparison of two moments (src/data/compare/compare.ts) takes, on
 * the bundled dataset (every pair of consecutive posts) and on the benchmark's synthetic year of
 * daily zones (365 versions of a 2,000-vertex front; a month apart and a year apart). Prints
 * median and max ms against one frame (16.7 ms): above a frame, the app must compute it off the
 * main thread, which it does (compare-in-worker.ts). Writes bench/compare-results.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareMoments } from '../src/data/compare/compare';
import { loadDataset } from '../src/data/load/load';
import { buildTimeline } from '../src/data/timeline';
import type { Dataset } from '../src/data/types';
import { readLocal } from './lib/read-local';
import { refuseArguments } from './lib/cli-args';
import { writeSyntheticDataset } from './lib/synthetic';

refuseArguments('bench:compare', 'usage: npm run bench:compare');

const FRAME_MS = 1000 / 60;
const load = async (path: string): Promise<Dataset> => {
  const { dataset } = await loadDataset(pathToFileURL(path).href, readLocal, undefined, {
    topology: false,
  });
  if (!dataset) throw new Error(`could not load ${path}`);
  return dataset;
};
const time = (d: Dataset, pairs: [number, number][]) =>
  pairs.map(([a, b]) => {
    const t0 = performance.now();
    compareMoments(d, a, b);
    return performance.now() - t0;
  });
const summary = (name: string, ms: number[]) => {
  const s = [...ms].sort((x, y) => x - y);
  const row = {
    name,
    runs: s.length,
    medianMs: Number(s[Math.floor(s.length / 2)].toFixed(1)),
    maxMs: Number(s[s.length - 1].toFixed(1)),
  };
  console.log(
    `${name.padEnd(44)} runs ${String(row.runs).padStart(3)}  median ${String(row.medianMs).padStart(7)} ms  max ${String(row.maxMs).padStart(7)} ms  (${(row.medianMs / FRAME_MS).toFixed(1)} frames)`,
  );
  return row;
};

const rows = [];
const bundled = await load('data/dataset.json');
const posts = buildTimeline(bundled).posts.map((p) => p.t);
const pairs = posts.slice(1).map((b, i) => [posts[i], b] as [number, number]);
time(bundled, pairs.slice(0, 3)); // warm-up
rows.push(summary('bundled dataset, consecutive posts', time(bundled, pairs)));
const [start, end] = buildTimeline(bundled).domain;
rows.push(summary('bundled dataset, whole range', time(bundled, Array(5).fill([start, end]))));

const work = await mkdtemp(join(tmpdir(), 'bench-compare-'));
try {
  await writeSyntheticDataset(work, { pins: 1000, zoneVersions: 365 });
  const year = await load(join(work, 'dataset.json'));
  const [s, e] = buildTimeline(year).domain;
  const day = 86_400_000;
  const month = Array.from(
    { length: 10 },
    (_, i) => [s + i * 30 * day, s + (i + 1) * 30 * day] as [number, number],
  );
  rows.push(summary('365 daily versions, 30 days apart', time(year, month)));
  rows.push(summary('365 daily versions, whole year', time(year, Array(5).fill([s, e - 1]))));
} finally {
  await rm(work, { recursive: true, force: true });
}
await mkdir('bench', { recursive: true });
await writeFile(
  'bench/compare-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), frameMs: FRAME_MS, cases: rows }, null, 2)}\n`,
);
console.log('written to bench/compare-results.json');
