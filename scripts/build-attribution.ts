/**
 * Rewrites the generated part of data/ATTRIBUTION.md (below its marker): every page the data
 * cites, grouped by site. Run: npm run build-attribution. A unit test checks it is up to date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { attributionText } from './lib/attribution-files';
import { refuseArguments } from './lib/cli-args';

refuseArguments('build-attribution', 'usage: npm run build-attribution');

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
const file = path.join(dataDir, 'ATTRIBUTION.md');
const text = await attributionText(dataDir, await readFile(file, 'utf8'));
await writeFile(file, text, 'utf8');
console.log(
  `data/ATTRIBUTION.md: ${text.split('\n').filter((l) => l.startsWith('- <')).length} pages listed`,
);
