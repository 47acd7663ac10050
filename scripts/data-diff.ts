/**
 * `npm run data-diff -- BASE [HEAD] [--dataset data/dataset.json]`
 *
 * Writes Markdown for a pull request: the reports added, changed and removed, the control
 * changes added, altered or removed, the periods whose zone area per faction changes (km²),
 * and the validator's result at HEAD. Both versions are read through git (HEAD defaults to
 * HEAD), never from the working tree, so it works in CI on a pull request's merge commit:
 * `npm run --silent data-diff -- HEAD^1 HEAD >> "$GITHUB_STEP_SUMMARY"`.
 *
 * Each side is loaded with today's rules, so a feature that fails them counts as absent on that
 * side (on a base that passed CI, none do).
 *
 * Exit codes: 0 written and HEAD's data is valid; 1 written, and HEAD's data has errors;
 * 2 a usage error (a missing or extra argument, a ref that names no commit).
 */
import { posix } from 'node:path';
import { diffDatasets } from '../src/data/data-diff';
import { diffNames, GitUsageError, repoRoot, resolveCommit } from './lib/git';
import { loadDatasetAt } from './lib/git-dataset';
import { renderDataDiff } from './lib/data-diff-markdown';

const USAGE = `usage: npm run data-diff -- <base ref> [<head ref, default HEAD>] [--dataset data/dataset.json]
  e.g. npm run --silent data-diff -- origin/main HEAD > summary.md`;

const usage = (msg: string): never => {
  console.error(`data-diff: ${msg}\n${USAGE}`);
  process.exit(2);
};

const argv = process.argv.slice(2);
const refs: string[] = [];
let manifest = 'data/dataset.json';
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--dataset' || a.startsWith('--dataset=')) {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
    if (!v) usage('--dataset needs a path');
    manifest = v;
  } else if (a === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else refs.push(a);
}
if (refs.length < 1) usage('name the base to compare with, e.g. origin/main');
if (refs.length > 2) usage(`too many refs: ${refs.join(' ')}`);
const [baseRef, headRef = 'HEAD'] = refs;

let root = '';
let base = '';
let head = '';
try {
  root = await repoRoot(process.cwd());
  base = await resolveCommit(root, baseRef);
  head = await resolveCommit(root, headRef);
} catch (e) {
  if (e instanceof GitUsageError) usage(e.message);
  throw e;
}
// The manifest's path from the top level, as git names files (the CLI may run in a subfolder).
const manifestPath = posix.normalize(posix.relative(root, posix.resolve(process.cwd(), manifest)));

const [before, after] = await Promise.all([
  loadDatasetAt(root, base, manifestPath),
  loadDatasetAt(root, head, manifestPath),
]);
const diff = diffDatasets(before.dataset, after.dataset);

// Changed data files that no layer reads (a report put outside the reports folder).
const dataDir = posix.dirname(manifestPath);
const m = after.dataset?.manifest;
const layerPaths = (m?.layers ?? []).map((l) => posix.join(dataDir, l.path));
const read = new Set([manifestPath, ...(m ? [posix.join(dataDir, m.posts)] : [])]);
const changes = await diffNames(root, base, head);
const unread = changes
  .filter(
    (c) => c.status !== 'D' && c.path.endsWith('.geojson') && c.path.startsWith(`${dataDir}/`),
  )
  .map((c) => c.path)
  .filter(
    (p) =>
      !read.has(p) &&
      !layerPaths.some((l) => (l.endsWith('/') ? p.startsWith(l) : p === l)) &&
      !(m?.basemap ?? []).some((b) => posix.join(dataDir, b.path) === p),
  );

process.stdout.write(
  renderDataDiff(diff, {
    base: `${baseRef} (${base.slice(0, 7)})`,
    head: `${headRef} (${head.slice(0, 7)})`,
    manifest: m ?? before.dataset?.manifest ?? null,
    problems: after.problems,
    unread,
    changed: new Set(changes.map((c) => c.path)),
  }),
);
process.exit(after.problems.some((p) => p.severity === 'error') ? 1 : 0);
