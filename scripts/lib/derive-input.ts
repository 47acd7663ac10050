/** Reads what scripts/derive-zones.ts derives from; shared with the unit tests. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  cellClipper,
  checkBroadZones,
  type DeriveInput,
  deriveZones,
  versionTimes,
} from '../../src/data/zones/derive-zones';
import { deriveFronts } from '../../src/data/zones/derive-fronts';
import { fixLayer } from '../../src/data/fix';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

export async function readDeriveInput(dataDir: string): Promise<DeriveInput> {
  const manifest = await readJson(path.join(dataDir, 'dataset.json'));
  const places = (await readJson(path.join(dataDir, 'layers/places.geojson'))).features;
  const countries = await readJson(path.join(dataDir, 'basemap/countries.geojson'));
  const country = countries.features.find(
    (f: Feature) => f.properties?.name === 'Syria',
  ) as Feature<Polygon | MultiPolygon>;
  if (!country) throw new Error('no Syria polygon in data/basemap/countries.geojson');
  const factions: string[] = manifest.factions.map((f: { id: string }) => f.id);
  const broad = checkBroadZones(await readJson(path.join(dataDir, 'broad-zones.json')), factions);
  return { timeRange: manifest.time_range, factions, places, country, broad };
}

/** The front-lines layer as written to disk (canonical layout); pass the zones' clipper to
 * reuse the cells it cut. */
export function frontsLayerText(input: DeriveInput, clip = cellClipper(input.country)) {
  const features = deriveFronts(input, clip);
  const text = fixLayer(
    { $schema: '../schema/fronts.schema.json', type: 'FeatureCollection', features },
    'fronts',
  );
  return { text, count: features.length };
}

/** The zones layer as written to disk (canonical layout, as `--fix` gives). */
export function zonesLayerText(input: DeriveInput, clip = cellClipper(input.country)) {
  const features = deriveZones(input, clip);
  const text = fixLayer(
    { $schema: '../schema/zones.schema.json', type: 'FeatureCollection', features },
    'zones',
  );
  const versions = versionTimes(input).map((t) => new Date(t).toISOString().slice(0, 16));
  return { text, count: features.length, versions };
}
