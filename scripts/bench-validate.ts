/**
 * Times our validator (validateLayerText) against @placemarkio/check-geojson's check() on the
 * same text: a synthetic reports FeatureCollection of about --mb megabytes (default 30) and a
 * zones file of a few polygons with thousands of vertices each. Both files are written to a
 * temporary folder and read back, as the CLI reads them. After a warm-up, the two validators
 * alternate for --rounds rounds (default 5); the table gives the median.
 *
 * Then the self-intersection check alone on one simple ragged ring of --ring vertices (default
 * 20,000): the sweep the validator uses (src/data/validate/ring-crossings.ts) against the quadratic
 * pairwise check it replaced (kept as the tests' reference), ratio = sweep / quadratic.
 *
 *   npx tsx scripts/bench-validate.ts [--mb 30] [--rounds 5] [--vertices 4000] [--ring 20000]
 *
 * Writes bench/validate-results.json. See docs/performance.md.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { CATEGORIES } from '../src/data/categories';
import { firstCrossing } from '../src/data/validate/ring-crossings';
import { loadDataset } from '../src/data/load/load';
import type { LayerKind } from '../src/data/types';
import { contextOf, type ValidationContext } from '../src/data/validate/validate';
import { validateLayerText } from '../src/data/validate/validate-text';
// The pre-sweep check, kept in the tests as the sweep's reference: the baseline here.
import { firstKink } from '../tests/unit/data/kinks-reference';
import { parseCliArgs } from './lib/cli-args';
import { readLocal } from './lib/read-local';

const args = parseCliArgs(
  'bench-validate',
  'usage: npx tsx scripts/bench-validate.ts [--mb 30] [--rounds 5] [--vertices 4000] [--ring 20000]',
  {
    mb: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '5' },
    vertices: { type: 'string', default: '4000' },
    ring: { type: 'string', default: '20000' },
  },
);
const targetBytes = Number(args.mb) * 1e6;
const rounds = Number(args.rounds);
const vertices = Number(args.vertices);
const ringVertices = Number(args.ring);

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same files. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'regime rebel forces village airbase shelling advance road convoy reported claimed killed taken held north south east west of the near after before Aleppo Hama Idlib countryside artillery airstrikes offensive'.split(
    ' ',
  );
const STATUSES = ['confirmed', 'unconfirmed', 'claimed'];

function reportsText(ctx: ValidationContext, bytes: number): { text: string; count: number } {
  const rnd = random(1);
  const [[w, s], [e, n]] = ctx.bounds;
  const posts = [...ctx.postIds];
  const sentence = (words: number) =>
    Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  const start = Date.parse('2015-10-15T00:00:00Z');
  while (size < bytes) {
    const reported = start + Math.floor(rnd() * 30 * 86_400_000);
    const occurred = reported - Math.floor(rnd() * 86_400_000);
    const feature = {
      type: 'Feature',
      id: `2015-report-${i}`,
      geometry: {
        type: 'Point',
        coordinates: [
          Number((w + rnd() * (e - w)).toFixed(5)),
          Number((s + rnd() * (n - s)).toFixed(5)),
        ],
      },
      properties: {
        reported_at: new Date(reported).toISOString().replace('.000', ''),
        occurred_at: new Date(occurred).toISOString().replace('.000', ''),
        title: sentence(6),
        text: `${sentence(40 + Math.floor(rnd() * 60))}.`,
        text_en: `${sentence(40)}.`,
        lang: 'en',
        source_url: `https://www.example.org/live/${i}`,
        status: STATUSES[i % 3],
        category: CATEGORIES[i % CATEGORIES.length].id,
        post: posts[i % posts.length],
        place: `place-${i % 500}`,
      },
    };
    const json = JSON.stringify(feature, null, 1);
    parts.push(json);
    size += json.length + 2;
    i++;
  }
  return {
    text: `{"type": "FeatureCollection", "features": [\n${parts.join(',\n')}\n]}\n`,
    count: i,
  };
}

/** A star-shaped (so simple) ragged ring around [cx, cy], counterclockwise, closed. */
function starRing(rnd: () => number, cx: number, cy: number, vertices: number): number[][] {
  const ring: number[][] = [];
  for (let v = 0; v < vertices; v++) {
    const a = (2 * Math.PI * v) / vertices;
    const r = 0.2 + 0.05 * rnd();
    ring.push([
      Number((cx + r * Math.cos(a)).toFixed(5)),
      Number((cy + r * Math.sin(a)).toFixed(5)),
    ]);
  }
  ring.push(ring[0]);
  return ring;
}

function zonesText(count: number, vertices: number): string {
  const rnd = random(2);
  const features = Array.from({ length: count }, (_, k) => {
    const [cx, cy] = [36.5 + (k % 4) * 0.6, 35.2 + Math.floor(k / 4) * 0.6];
    const ring = starRing(rnd, cx, cy, vertices);
    return {
      type: 'Feature',
      id: `zone-${k}`,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        faction: ['regime', 'rebel', 'isis', 'ypg'][k % 4],
        valid_from: '2015-10-15T00:00:00Z',
        source: 'synthetic benchmark zone',
        precision: 'approximate',
      },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface Row {
  file: string;
  mb: number;
  features: number;
  oursMs: number;
  theirsMs: number;
  oursMBs: number;
  theirsMBs: number;
  ratio: number;
  oursRounds: number[];
  theirsRounds: number[];
}

function bench(name: string, kind: LayerKind, text: string, ctx: ValidationContext): Row {
  const ours = () => {
    const r = validateLayerText(kind, text, name, ctx);
    const errors = r.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(`our validator rejects ${name}: ${errors[0].message}`);
    return r.features.length;
  };
  const theirs = () => {
    check(text);
  };
  const features = ours(); // warm-up, and a check that the file is valid for both
  theirs();
  const oursRounds: number[] = [];
  const theirsRounds: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so neither always runs on a freshly collected heap.
    if (i % 2 === 0) {
      oursRounds.push(time(ours));
      theirsRounds.push(time(theirs));
    } else {
      theirsRounds.push(time(theirs));
      oursRounds.push(time(ours));
    }
  }
  const mb = text.length / 1e6;
  const oursMs = median(oursRounds);
  const theirsMs = median(theirsRounds);
  return {
    file: name,
    mb: Number(mb.toFixed(2)),
    features,
    oursMs: Math.round(oursMs),
    theirsMs: Math.round(theirsMs),
    oursMBs: Number((mb / (oursMs / 1000)).toFixed(1)),
    theirsMBs: Number((mb / (theirsMs / 1000)).toFixed(1)),
    ratio: Number((oursMs / theirsMs).toFixed(2)),
    oursRounds: oursRounds.map(Math.round),
    theirsRounds: theirsRounds.map(Math.round),
  };
}

const root = new URL('../', import.meta.url);
const { dataset } = await loadDataset(new URL('data/dataset.json', root).href, readLocal);
if (!dataset) throw new Error('data/dataset.json did not load');
const ctx = contextOf(dataset.manifest, dataset.posts);

const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
const files: { name: string; kind: LayerKind; text: string }[] = [];
try {
  const reports = reportsText(ctx, targetBytes);
  writeFileSync(join(dir, 'reports.geojson'), reports.text);
  writeFileSync(join(dir, 'zones.geojson'), zonesText(8, vertices));
  for (const [name, kind] of [
    ['reports.geojson', 'reports'],
    ['zones.geojson', 'zones'],
  ] as const)
    files.push({ name, kind, text: readFileSync(join(dir, name), 'utf8') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows = files.map((f) => bench(f.name, f.kind, f.text, ctx));
console.log(
  `node ${process.version}, ${rounds} rounds after a warm-up, median; ratio = ours / check-geojson\n`,
);
console.table(
  rows.map((r) => ({
    file: r.file,
    MB: r.mb,
    features: r.features,
    'ours ms': r.oursMs,
    'check-geojson ms': r.theirsMs,
    'ours MB/s': r.oursMBs,
    'check-geojson MB/s': r.theirsMBs,
    ratio: r.ratio,
  })),
);

/**
 * A simple ring of n vertices shaped like a coastline: star-shaped around [cx, cy] (so simple),
 * its radius fractal value noise (octaves of periods n/8 down to 2 vertices, each half the
 * amplitude of the one before), so its finest wiggles are about as deep as a vertex step.
 */
function raggedRing(rnd: () => number, cx: number, cy: number, n: number): number[][] {
  const radius = new Float64Array(n).fill(0.2);
  for (let period = Math.floor(n / 8), amp = 0.03; period >= 2; period >>= 1, amp /= 2) {
    const knots = Array.from({ length: Math.ceil(n / period) }, () => amp * (rnd() - 0.5));
    for (let v = 0; v < n; v++) {
      const k = Math.floor(v / period);
      const f = (v % period) / period;
      radius[v] += knots[k] * (1 - f) + knots[(k + 1) % knots.length] * f;
    }
  }
  const ring = Array.from({ length: n }, (_, v) => {
    const a = (2 * Math.PI * v) / n;
    return [
      Number((cx + radius[v] * Math.cos(a)).toFixed(6)),
      Number((cy + radius[v] * Math.sin(a)).toFixed(6)),
    ];
  });
  ring.push(ring[0]);
  return ring;
}

// The self-intersection check alone on one big ring, the sweep against the quadratic check it
// replaced: a coastline-like ring, and the spiky star of the zones file (every vertex 0-25 %
// off the radius, a worst case for the sweep: its spikes' boxes overlap hundreds at a time).
// The quadratic baseline takes seconds, so at most 3 rounds, alternating with the sweep.
const ringRows = [
  ['ragged outline', raggedRing(random(3), 37, 35.5, ringVertices)],
  ['spiky star', starRing(random(3), 37, 35.5, ringVertices)],
] as const;
const ringResults = ringRows.map(([shape, ring]) => {
  const big = [ring as number[][]];
  if (firstCrossing(big) !== null || firstKink(big) !== null)
    throw new Error(`the ${shape} ring crosses itself`);
  const sweepRounds: number[] = [];
  const quadraticRounds: number[] = [];
  for (let i = 0; i < Math.min(rounds, 3); i++) {
    sweepRounds.push(time(() => firstCrossing(big)));
    quadraticRounds.push(time(() => firstKink(big)));
  }
  return {
    shape,
    vertices: ringVertices,
    sweepMs: Number(median(sweepRounds).toFixed(1)),
    quadraticMs: Math.round(median(quadraticRounds)),
    ratio: Number((median(sweepRounds) / median(quadraticRounds)).toFixed(4)),
    sweepRounds: sweepRounds.map((t) => Number(t.toFixed(1))),
    quadraticRounds: quadraticRounds.map(Math.round),
  };
});
console.log(
  `\none simple ring of ${ringVertices} vertices, self-intersection check only (median of ${Math.min(rounds, 3)}):`,
);
console.table(
  ringResults.map((r) => ({
    ring: r.shape,
    'sweep ms': r.sweepMs,
    'quadratic ms': r.quadraticMs,
    'ratio sweep / quadratic': r.ratio,
  })),
);
const out = new URL('bench/validate-results.json', root);
mkdirSync(new URL('bench/', root), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds, rows, rings: ringResults }, null, 2)}\n`,
);
console.log(`\nwrote ${out.pathname}`);
