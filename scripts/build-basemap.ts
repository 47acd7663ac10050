/**
 * Builds data/basemap/* from the shared reference data (see ../shared/data/SOURCES.md and
 * data/ATTRIBUTION.md). Run: npx tsx scripts/build-basemap.ts
 *
 * - Natural Earth countries, borders, coast, rivers (name_guess dropped), lakes: copied with
 *   short names, coordinates rounded to 5 decimals, properties in a stable key order.
 * - OCHA COD-AB governorates (the simplified file): same treatment.
 * - towns.geojson: GeoNames places from cities-levant-geonames.geojson with population >= 20000,
 *   or Syrian administrative seats (GeoNames feature codes PPLC, PPLA, PPLA2, PPLA3, PPLA4);
 *   properties reduced to {name, population, geonameid}.
 *
 * The shared folder is ../shared/data next to the repository, or $SHARED_DATA.
 * Output is deterministic: same input, same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { type Json, stringifyData } from '../src/data/format-json';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { refuseArguments } from './lib/cli-args';

refuseArguments('build-basemap', 'usage: [SHARED_DATA=folder] npm run build-basemap');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SHARED_DATA
  ? path.resolve(process.env.SHARED_DATA)
  : path.resolve(repoRoot, '../shared/data');
const outDir = path.join(repoRoot, 'data', 'basemap');

const TOWN_MIN_POPULATION = 20000;
const SYRIAN_SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4']);

interface Feature {
  type: 'Feature';
  properties: Record<string, Json> | null;
  geometry: { type: string; coordinates: Json };
}

const round5 = (n: number): number => Math.round(n * 1e5) / 1e5 + 0; // + 0 turns -0 into 0

/** Rounds every position; drops consecutive duplicate positions that rounding creates. */
function roundCoords(c: Json, type: string): Json {
  const isPosition = (v: Json): v is number[] => Array.isArray(v) && typeof v[0] === 'number';
  const roundLine = (line: Json[]): number[][] => {
    const out: number[][] = [];
    for (const p of line) {
      if (!isPosition(p)) throw new Error('expected a position');
      const q = [round5(p[0]), round5(p[1])];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  const ring = (r: Json[]) => {
    const out = roundLine(r);
    const [a, b] = [out[0], out[out.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]);
    return out;
  };
  const arr = c as Json[];
  switch (type) {
    case 'Point':
      return [round5((c as number[])[0]), round5((c as number[])[1])];
    case 'LineString':
      return roundLine(arr);
    case 'MultiLineString':
      return arr.map((l) => roundLine(l as Json[]));
    case 'Polygon':
      return arr.map((r) => ring(r as Json[])).filter((r) => r.length >= 4);
    case 'MultiPolygon':
      return arr
        .map((p) => (p as Json[]).map((r) => ring(r as Json[])).filter((r) => r.length >= 4))
        .filter((p) => p.length > 0);
    default:
      throw new Error(`unsupported geometry ${type}`);
  }
}

/** Properties with keys sorted, optionally restricted to / stripped of some keys. */
function pickProps(
  props: Record<string, Json> | null,
  opts: { keep?: string[]; drop?: string[] },
): Record<string, Json> {
  const src = props ?? {};
  const keys = opts.keep ?? Object.keys(src).sort();
  const out: Record<string, Json> = {};
  for (const k of keys) if (!opts.drop?.includes(k) && src[k] !== undefined) out[k] = src[k];
  return out;
}

function feature(f: Feature, props: Record<string, Json>): Json {
  return {
    type: 'Feature',
    properties: props,
    geometry: {
      type: f.geometry.type,
      coordinates: roundCoords(f.geometry.coordinates, f.geometry.type),
    },
  };
}

async function readCollection(rel: string): Promise<Feature[]> {
  const raw = JSON.parse(await readFile(path.join(shared, rel), 'utf8'));
  if (raw?.type !== 'FeatureCollection' || !Array.isArray(raw.features))
    throw new Error(`${rel} is not a FeatureCollection`);
  return raw.features as Feature[];
}

async function write(name: string, features: Json[]): Promise<void> {
  const text = stringifyData({ type: 'FeatureCollection', features });
  await writeFile(path.join(outDir, name), text, 'utf8');
  console.log(
    `data/basemap/${name}: ${features.length} features, ${Buffer.byteLength(text)} bytes`,
  );
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });

  const copies: [string, string, { keep?: string[]; drop?: string[] }][] = [
    ['basemap/countries-10m-levant.geojson', 'countries.geojson', { keep: ['name'] }],
    ['basemap/borders-10m-levant.geojson', 'borders.geojson', {}],
    ['basemap/coast-10m-levant.geojson', 'coast.geojson', {}],
    ['basemap/rivers-50m-levant.geojson', 'rivers.geojson', { drop: ['name_guess'] }],
    ['basemap/lakes-50m-levant.geojson', 'lakes.geojson', {}],
    ['admin1/syria-governorates-ocha-simplified.geojson', 'governorates.geojson', {}],
  ];
  for (const [src, dst, opts] of copies) {
    const features = await readCollection(src);
    await write(
      dst,
      features.map((f) => feature(f, pickProps(f.properties, opts))),
    );
  }

  const cities = await readCollection('places/cities-levant-geonames.geojson');
  const towns = cities
    .filter((f) => {
      const p = f.properties ?? {};
      const population = typeof p.population === 'number' ? p.population : 0;
      return (
        population >= TOWN_MIN_POPULATION ||
        (p.country === 'SY' && SYRIAN_SEAT_CODES.has(String(p.featureCode)))
      );
    })
    .sort((a, b) => {
      const pa = Number(a.properties?.population ?? 0);
      const pb = Number(b.properties?.population ?? 0);
      return pb - pa || Number(a.properties?.geonameid) - Number(b.properties?.geonameid);
    })
    .map((f) => feature(f, pickProps(f.properties, { keep: ['name', 'population', 'geonameid'] })));
  await write('towns.geojson', towns);
}

await main();
