/**
 * `npm run compile-data -- path/to/dataset.json [--out path/to/dataset.compiled.bin]`
 *
 * Writes the dataset's precompiled file beside its manifest (dataset.json →
 * dataset.compiled.bin): what the app computes at load time (the validated features and their
 * problems, the zones' GPU mesh), keyed by the SHA-256 of every source file
 * (docs/compiled-data.md). The app uses it only while every source is unchanged; a stale file is
 * ignored, so nobody has to run this after editing data. `npm run build` does it for the
 * bundled dataset. Exit 0 written, 1 the manifest itself is unusable (nothing written), 2 a
 * wrong command line.
 */
import { rename, stat, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledNameFor } from '../src/data/compiled/format';
import { formatProblem } from '../src/data/problems';
import { INVALID_EXIT, usageError } from './lib/cli-args';
import { compileLocal } from './lib/compile-local';

const USAGE =
  'usage: npm run compile-data -- path/to/dataset.json [--out path/to/dataset.compiled.bin]';
const usage = (message: string): never => usageError('compile-data', USAGE, message);

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: { out: { type: 'string' } },
  });
}
try {
  parsed = parseOptions();
} catch (e) {
  if (!String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) throw e;
  parsed = usage((e as Error).message);
}
const { values: flags, positionals } = parsed;
if (positionals.length !== 1) usage('name one manifest (dataset.json)');
const manifest = resolve(positionals[0]);
if (!(await stat(manifest).catch(() => null))?.isFile()) usage(`${positionals[0]} is not a file`);
const out = resolve(flags.out ?? compiledNameFor(manifest));

const started = performance.now();
const { bytes, problems, sources } = await compileLocal(manifest);
const errors = problems.filter((p) => p.severity === 'error').length;
if (!bytes) {
  for (const p of problems) console.error(formatProblem(p));
  console.error('compile-data: the manifest cannot be used; nothing written');
  process.exit(INVALID_EXIT);
}
// Written beside the target and renamed into place: a reader never sees half a file.
await writeFile(`${out}.tmp`, bytes);
await rename(`${out}.tmp`, out);
console.log(
  `${relative(process.cwd(), out)}: ${(bytes.length / 1e6).toFixed(1)} MB from ${sources.length} source files in ${Math.round(performance.now() - started)} ms` +
    (problems.length
      ? ` (${errors} errors, ${problems.length - errors} warnings kept: the app shows them as from the GeoJSON)`
      : ''),
);
