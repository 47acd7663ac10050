/**
 * `npm run validate [-- paths…] [--format plain|json|github] [--changed REF] [--fix]`
 *
 * Checks the dataset (data/dataset.json by default) with the same code the app's loader runs,
 * prints one line per problem — `file:line:col  <feature id>  <property>: <what> — <how to fix>` —
 * and a summary. Named files and folders (every data file below a folder), or the files changed
 * since a git ref, are checked in the context of the dataset (factions, posts, ids in other
 * files); a file the dataset does not list yet (a new report) is checked as its kind. `--fix`
 * first rewrites what is mechanical. `--format json` (or `--json`) prints a machine-readable
 * report, `--format github` workflow-command annotations.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 the data has errors, 2 a usage error (an
 * unknown option or format, a path that does not exist, a git ref that names no commit).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Json } from '../src/data/format-json';
import { fixLayer } from '../src/data/fix';
import { inferKind } from '../src/data/infer-kind';
import { parseJson } from '../src/data/validate/parse-json';
import { changedSince, GitUsageError, repoRoot } from './lib/git';
import { formatSummary } from './lib/problem-formats';
import { parseValidateArgs, VALIDATE_USAGE } from './lib/validate-args';
import {
  type DatasetFiles,
  datasetFiles,
  expandPaths,
  filesToCheck,
  runValidation,
  UsageError,
} from './lib/validate-run';

const usage = (msg: string): never => {
  console.error(`validate: ${msg}\n${VALIDATE_USAGE}`);
  process.exit(2);
};

const parsed = parseValidateArgs(process.argv.slice(2));
if (!parsed.ok) usage(parsed.error);
const args = parsed.ok ? parsed.args : usage('');
const quiet = args.format === 'json';
const rel = (abs: string) => relative(process.cwd(), abs);
const manifestPath = resolve(
  args.paths.find((p) => p.endsWith('dataset.json')) ?? 'data/dataset.json',
);
const files = await datasetFiles(manifestPath);

/** The files to check (null: all of the dataset), from the paths or from git. */
async function selectFiles(files: DatasetFiles): Promise<string[] | null> {
  if (args.changed) {
    const root = await repoRoot(process.cwd());
    const changed = (await changedSince(root, args.changed)).map((p) => resolve(root, p));
    const selected = filesToCheck(changed, files);
    if (!quiet)
      console.log(
        selected === null
          ? `--changed ${args.changed}: the manifest or posts file changed, so every file is checked`
          : `--changed ${args.changed}: ${selected.length} changed data file${selected.length === 1 ? '' : 's'}`,
      );
    return selected;
  }
  const paths = args.paths.filter((p) => !p.endsWith('dataset.json'));
  return paths.length ? expandPaths(paths, files) : null;
}

let named: string[] | null;
try {
  named = await selectFiles(files);
} catch (e) {
  if (e instanceof UsageError || e instanceof GitUsageError) usage(e.message);
  throw e;
}

if (args.fix) {
  let changed = 0;
  for (const path of named ?? files.layers.map((l) => l.path)) {
    const text = await readFile(path, 'utf8');
    const value = parseJson(text, path);
    const kind = files.layers.find((l) => l.path === path)?.kind ?? inferKind(value.value);
    if (value.problems.length || !kind) continue;
    const fixed = fixLayer(value.value as Json, kind);
    if (fixed !== text) {
      await writeFile(path, fixed);
      changed++;
      if (!quiet) console.log(`fixed    ${rel(path)}`);
    }
  }
  if (!quiet) console.log(`--fix rewrote ${changed} file${changed === 1 ? '' : 's'}`);
}

const summary = await runValidation(files, named);
console.log(formatSummary(summary, args.format));
process.exit(summary.errors > 0 ? 1 : 0);
