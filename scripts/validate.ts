/**
 * `npm run validate [-- files...] [--json] [--fix]`
 *
 * Checks the dataset (data/dataset.json by default) with the same code the app's loader runs,
 * prints one line per problem — `file:line:col  <feature id>  <property>: <what> — <how to fix>` —
 * and a summary, and exits 1 on errors. Named files are checked in the context of the dataset
 * (factions, posts, ids in other files); a file that the dataset does not list yet (a new
 * report) is checked as its kind. `--fix` first rewrites what is mechanical (ring winding,
 * coordinate precision, key order, layout). `--json` prints a machine-readable report.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Json } from '../src/data/format-json';
import { fixLayer } from '../src/data/fix';
import { inferKind } from '../src/data/infer-kind';
import { loadDataset } from '../src/data/load';
import { parseJson } from '../src/data/parse-json';
import { formatProblem, type Problem } from '../src/data/problems';
import type { LayerKind } from '../src/data/types';
import { contextOf } from '../src/data/validate';
import { validateLayerText } from '../src/data/validate-text';
import { listFiles, readLocal } from './lib/read-local';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const fix = args.includes('--fix');
const unknown = args.filter((a) => a.startsWith('--') && !['--json', '--fix'].includes(a));
if (unknown.length) {
  console.error(
    `validate: unknown option ${unknown.join(' ')} (use --json, --fix, and file paths)`,
  );
  process.exit(2);
}
const paths = args.filter((a) => !a.startsWith('--'));
const manifests = paths.filter((p) => p.endsWith('dataset.json'));
const named = paths.filter((p) => !p.endsWith('dataset.json')).map((p) => resolve(p));
const manifestPath = resolve(manifests[0] ?? 'data/dataset.json');
const dataDir = dirname(manifestPath);
const rel = (abs: string) => relative(process.cwd(), abs);

/** Layer files of the dataset with their kinds (folder layers expanded). */
async function layerFiles(): Promise<{ path: string; kind: LayerKind }[]> {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const out: { path: string; kind: LayerKind }[] = [];
  for (const l of manifest.layers as { path: string; kind: LayerKind }[]) {
    if (!l.path.endsWith('/')) out.push({ path: join(dataDir, l.path), kind: l.kind });
    else
      for (const f of await listFiles(join(dataDir, l.path)))
        if (f.endsWith('.geojson')) out.push({ path: join(dataDir, l.path, f), kind: l.kind });
  }
  return out;
}

async function kindOf(
  path: string,
  text: string,
  known: { path: string; kind: LayerKind }[],
): Promise<LayerKind | null> {
  return known.find((k) => k.path === path)?.kind ?? inferKind(parseJson(text, path).value);
}

const known = await layerFiles();
if (fix) {
  let changed = 0;
  for (const path of named.length ? named : known.map((k) => k.path)) {
    const text = await readFile(path, 'utf8');
    const parsed = parseJson(text, path);
    const kind = await kindOf(path, text, known);
    if (parsed.problems.length || !kind) continue;
    const fixed = fixLayer(parsed.value as Json, kind);
    if (fixed !== text) {
      await writeFile(path, fixed);
      changed++;
      if (!asJson) console.log(`fixed    ${rel(path)}`);
    }
  }
  if (!asJson) console.log(`--fix rewrote ${changed} file${changed === 1 ? '' : 's'}`);
}

let files = 0;
const { dataset, problems: datasetProblems } = await loadDataset(
  pathToFileURL(manifestPath).href,
  (url) => {
    files++;
    return readLocal(url);
  },
);
const relDir = rel(dataDir) || '.';
let all: Problem[] = datasetProblems.map((p) => ({ ...p, file: `${relDir}/${p.file}` }));
let features = dataset
  ? dataset.zones.length +
    dataset.fronts.length +
    dataset.places.length +
    dataset.reports.length +
    dataset.posts.length
  : 0;
if (named.length) {
  // Only the named files' problems; files the dataset does not list are checked on their own.
  const namedRel = new Set(named.map(rel));
  all = all.filter((p) => namedRel.has(p.file));
  const listed = new Set(known.map((k) => k.path));
  files = named.length;
  features = 0;
  for (const path of named.filter((p) => listed.has(p))) {
    const value = parseJson(await readFile(path, 'utf8'), path).value as
      | { type?: string; features?: unknown[] }
      | undefined;
    const count = value?.type === 'Feature' ? 1 : (value?.features?.length ?? 0);
    const failed = new Set(
      all.filter((p) => p.file === rel(path) && p.severity === 'error').map((p) => p.featureId),
    );
    features += Math.max(0, count - failed.size);
  }
  for (const path of named.filter((p) => !listed.has(p))) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      all.push({
        severity: 'error',
        file: rel(path),
        message: `could not be read (${(e as Error).message})`,
      });
      continue;
    }
    const kind = (await kindOf(path, text, known)) ?? 'reports';
    const ctx = dataset
      ? contextOf(dataset.manifest, dataset.posts)
      : {
          factionIds: new Set<string>(),
          postIds: new Set<string>(),
          bounds: [
            [-180, -90],
            [180, 90],
          ] as [[number, number], [number, number]],
        };
    const r = validateLayerText(kind, text, rel(path), ctx);
    const ids = new Set(
      [...(dataset?.reports ?? []), ...(dataset?.places ?? []), ...(dataset?.zones ?? [])].map(
        (f) => f.id,
      ),
    );
    for (const f of r.features)
      if (ids.has(f.id))
        all.push({
          severity: 'error',
          file: rel(path),
          featureId: f.id,
          property: 'id',
          message: 'is already used in the dataset',
          fix: 'pick another id (for a report: the file name without .geojson)',
        });
    all.push(...r.problems);
    features += r.features.length;
  }
}
const errors = all.filter((p) => p.severity === 'error').length;
const warnings = all.length - errors;
if (asJson)
  console.log(JSON.stringify({ files, features, errors, warnings, problems: all }, null, 2));
else {
  for (const p of all)
    console.log(`${p.severity === 'error' ? 'error  ' : 'warning'}  ${formatProblem(p)}`);
  console.log(`${files} files, ${features} features, ${errors} errors, ${warnings} warnings`);
}
process.exit(errors > 0 ? 1 : 0);
