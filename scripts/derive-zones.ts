/**
 * Derives data/layers/zones.geojson and data/layers/fronts.geojson (where two factions' zones
 * meet, src/data/zones/derive-fronts.ts) from the control history of the places in
 * data/layers/places.geojson and the broad zones of data/broad-zones.json.
 * Run: npm run derive-zones. The method is in src/data/zones/derive-zones.ts and docs/data.md.
 * Same input, same bytes: a unit test checks the committed file against a fresh derivation.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellClipper } from '../src/data/zones/derive-zones';
import { frontsLayerText, readDeriveInput, zonesLayerText } from './lib/derive-input';
import { refuseArguments } from './lib/cli-args';

refuseArguments('derive-zones', 'usage: npm run derive-zones');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'data');

const input = await readDeriveInput(dataDir);
const clip = cellClipper(input.country);
const { text, count, versions } = zonesLayerText(input, clip);
await writeFile(path.join(dataDir, 'layers/zones.geojson'), text, 'utf8');
console.log(
  `data/layers/zones.geojson: ${count} zones over ${versions.length} versions (${versions.join(', ')})`,
);
const fronts = frontsLayerText(input, clip);
await writeFile(path.join(dataDir, 'layers/fronts.geojson'), fronts.text, 'utf8');
console.log(
  `data/layers/fronts.geojson: ${fronts.count} front lines (one per pair of factions and version)`,
);
