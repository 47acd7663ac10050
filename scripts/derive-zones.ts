/**
 * Derives data/layers/zones.geojson from the control history of the places in
 * data/layers/places.geojson. Run: npx tsx scripts/derive-zones.ts
 *
 * Method (see docs/data.md):
 * 1. Versions: the manifest's time_range.start plus every distinct control-change time
 *    (`control[].from`) strictly inside the time range, of places inside FRONT_BBOX.
 * 2. For each version, every place inside FRONT_BBOX whose controller is known at that moment
 *    (its latest control entry with from <= t) becomes a seed point tagged with that faction.
 *    Places whose first control entry is later than t have no known controller and are left out.
 * 3. Voronoi cells of the seed points over FRONT_BBOX (@turf/voronoi), each cell clipped to the
 *    Syria polygon of data/basemap/countries.geojson and to a circle of REACH_KM around its
 *    place (@turf/intersect, @turf/circle), then dissolved by faction (@turf/union).
 * 4. One feature per (faction, version): valid_from = version time, valid_to = next version
 *    time (absent for the last version), precision "approximate".
 *
 * Zones are an illustration of which known point is nearest, NOT a front line.
 * Output is deterministic: sorted, coordinates rounded to 5 decimals, fixed key order.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fixLayer } from '../src/data/fix';
import type { Json } from '../src/data/format-json';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureCollection, point } from '@turf/helpers';
import circle from '@turf/circle';
import intersect from '@turf/intersect';
import union from '@turf/union';
import voronoi from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** [west, south, east, north] around the Aleppo front. Places outside are ignored. */
export const FRONT_BBOX: [number, number, number, number] = [36.4, 35.2, 38.3, 36.7];

/**
 * How far (km) a place's control is taken to reach. A Voronoi cell is cut to this circle around
 * its place, so a handful of points does not paint whole districts no source speaks for.
 */
export const REACH_KM = 12;

const SOURCE =
  'derived: Voronoi cells of place control points (scripts/derive-zones.ts); control sources per place in layers/places.geojson';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'data');

interface Control {
  from: string;
  faction: string;
}
interface PlaceIn {
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { name: string; control: Control[] };
}

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new Error(`bad time ${iso}`);
  return t;
};
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');
const stamp = (t: number): string => {
  const s = iso(t);
  const day = s.slice(0, 10).replaceAll('-', '');
  return s.slice(11, 19) === '00:00:00' || s.slice(11, 19) === '12:00:00'
    ? day
    : `${day}t${s.slice(11, 16).replace(':', '')}`;
};
const round5 = (n: number): number => Math.round(n * 1e5) / 1e5 + 0;

function inBbox([lon, lat]: [number, number]): boolean {
  const [w, s, e, n] = FRONT_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

function controllerAt(place: PlaceIn, t: number): string | null {
  let best: { t: number; faction: string } | null = null;
  for (const c of place.properties.control) {
    const tc = ms(c.from);
    if (tc <= t && (!best || tc >= best.t)) best = { t: tc, faction: c.faction };
  }
  return best?.faction ?? null;
}

/** Rounds rings to 5 decimals, drops repeated points and degenerate rings; stable ring order. */
function cleanPolygons(geom: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polys: Position[][][] = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const r: Position[] = [];
      for (const p of ring) {
        const q = [round5(p[0]), round5(p[1])];
        const last = r[r.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) r.push(q);
      }
      if (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]) r.push([...r[0]]);
      if (r.length >= 4) rings.push(r);
    }
    if (rings.length > 0) out.push(rings);
  }
  // Sort polygons by their first vertex so union's output order cannot change the bytes.
  out.sort((a, b) => a[0][0][0] - b[0][0][0] || a[0][0][1] - b[0][0][1]);
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(dataDir, 'dataset.json'), 'utf8'));
  const places: PlaceIn[] = JSON.parse(
    await readFile(path.join(dataDir, 'layers/places.geojson'), 'utf8'),
  ).features;
  const countries = JSON.parse(
    await readFile(path.join(dataDir, 'basemap/countries.geojson'), 'utf8'),
  );
  const syria = countries.features.find((f: Feature) => f.properties?.name === 'Syria') as Feature<
    Polygon | MultiPolygon
  >;
  if (!syria) throw new Error('no Syria polygon in data/basemap/countries.geojson');
  const factionOrder: string[] = manifest.factions.map((f: { id: string }) => f.id);

  const start = ms(manifest.time_range.start);
  const end = ms(manifest.time_range.end);
  const front = places
    .filter((p) => inBbox(p.geometry.coordinates))
    .sort((a, b) => a.id.localeCompare(b.id));
  const times = new Set<number>([start]);
  for (const p of front)
    for (const c of p.properties.control) {
      const t = ms(c.from);
      if (t > start && t < end) times.add(t);
    }
  const versions = [...times].sort((a, b) => a - b);

  const out: Json[] = [];
  versions.forEach((t, vi) => {
    const seeds = front
      .map((p) => ({ p, faction: controllerAt(p, t) }))
      .filter((s): s is { p: PlaceIn; faction: string } => s.faction !== null);
    const cells = voronoi(
      featureCollection(
        seeds.map((s) => point(s.p.geometry.coordinates, { faction: s.faction, place: s.p.id })),
      ),
      { bbox: FRONT_BBOX },
    );
    const byFaction = new Map<string, Feature<Polygon | MultiPolygon>[]>();
    cells.features.forEach((cell, i) => {
      if (!cell?.geometry) return; // duplicate seed points yield no cell
      const inSyria = intersect(featureCollection([cell, syria]));
      const reach = circle(seeds[i].p.geometry.coordinates, REACH_KM, {
        steps: 64,
        units: 'kilometers',
      });
      const clipped = inSyria && intersect(featureCollection([inSyria, reach]));
      if (!clipped) return;
      const faction = seeds[i].faction;
      byFaction.set(faction, [...(byFaction.get(faction) ?? []), clipped]);
    });
    const validTo = vi + 1 < versions.length ? iso(versions[vi + 1]) : undefined;
    const factions = [...byFaction.keys()].sort(
      (a, b) => factionOrder.indexOf(a) - factionOrder.indexOf(b),
    );
    for (const faction of factions) {
      const parts = byFaction.get(faction) ?? [];
      const merged = parts.length === 1 ? parts[0] : union(featureCollection(parts));
      const geometry = merged && cleanPolygons(merged.geometry);
      if (!geometry) continue;
      const seedNames = seeds
        .filter((s) => s.faction === faction)
        .map((s) => s.p.properties.name)
        .join(', ');
      const properties: Record<string, Json> = {
        faction,
        valid_from: iso(t),
        ...(validTo ? { valid_to: validTo } : {}),
        source: SOURCE,
        precision: 'approximate',
        note: `Approximation, not a front line: the area within ${REACH_KM} km of ${seedNames} and nearer to it than to any place held by another faction, within the box ${FRONT_BBOX.join(', ')} (W, S, E, N) and inside Syria. Built from ${seeds.length} places with a known controller at ${iso(t)}; places with no sourced controller at that moment are left out, and large areas (e.g. rebel-held eastern Aleppo city, ISIS-held countryside other than al-Bab) are not represented by any point.`,
      };
      out.push({
        type: 'Feature',
        id: `zone-${faction}-${stamp(t)}`,
        properties,
        geometry: geometry as unknown as Json,
      });
    }
  });

  const ids = new Set(out.map((f) => (f as { id: string }).id));
  if (ids.size !== out.length) throw new Error('duplicate zone ids');
  // The same canonical form --fix gives (key order, ring winding), so the validator is silent.
  const text = fixLayer(
    { $schema: '../schema/zones.schema.json', type: 'FeatureCollection', features: out },
    'zones',
  );
  await writeFile(path.join(dataDir, 'layers/zones.geojson'), text, 'utf8');
  console.log(
    `data/layers/zones.geojson: ${out.length} zones over ${versions.length} versions (${versions.map(iso).join(', ')})`,
  );
}

await main();
