/**
 * `npm run validate [manifest.json ...]`: checks a dataset (default data/dataset.json) with the
 * same rules the app's loader uses, prints one line per problem and a summary, and exits 1 on
 * errors. `--json` prints the problems as JSON instead.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataset } from '../src/data/load';
import { formatProblem, type Problem } from '../src/data/problems';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const manifests = args.filter((a) => !a.startsWith('--'));
if (manifests.length === 0) manifests.push('data/dataset.json');

const all: Problem[] = [];
let files = 0;
let features = 0;
for (const path of manifests) {
  const abs = resolve(path);
  const dir = relative(process.cwd(), resolve(abs, '..')) || '.';
  const { dataset, problems } = await loadDataset(pathToFileURL(abs).href, (url) => {
    files++;
    return readFile(fileURLToPath(url), 'utf8');
  });
  // Name files relative to the working directory, so editors can jump to them.
  all.push(
    ...problems.map((p) => ({ ...p, file: p.file === 'URL' ? p.file : `${dir}/${p.file}` })),
  );
  if (dataset)
    features +=
      dataset.zones.length + dataset.places.length + dataset.reports.length + dataset.posts.length;
}
const errors = all.filter((p) => p.severity === 'error').length;
const warnings = all.length - errors;
if (asJson) {
  console.log(JSON.stringify({ files, features, errors, warnings, problems: all }, null, 2));
} else {
  for (const p of all)
    console.log(`${p.severity === 'error' ? 'error  ' : 'warning'}  ${formatProblem(p)}`);
  console.log(`${files} files, ${features} valid features, ${errors} errors, ${warnings} warnings`);
}
process.exit(errors > 0 ? 1 : 0);
