/**
 * Synthetic datasets of realistic shape for the benchmark: daily versions of a wavy front of a
 * few thousand vertices between two factions, a few hundred places whose control flips, and
 * report pins spread over the period. Deterministic (seeded), written in the dataset format.
 */
import { CATEGORY_IDS } from '../../src/data/categories';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SyntheticCase {
  pins: number;
  zoneVersions: number;
  /** Vertices along the front line. */
  frontVertices?: number;
}

const DAY = 86_400_000;
const START = Date.parse('2015-01-01T00:00:00Z');
const BOX = { w: 36.4, s: 35.4, e: 38.2, n: 36.7 };
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A small seeded PRNG (mulberry32), so every run benchmarks the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Longitude of the front at latitude `lat` on day `d`: a meandering line that drifts. */
function frontLon(lat: number, d: number): number {
  const mid = (BOX.w + BOX.e) / 2 + 0.25 * Math.sin(d / 9);
  return mid + 0.12 * Math.sin(lat * 20 + d / 5) + 0.05 * Math.sin(lat * 63 - d / 3);
}

export async function writeSyntheticDataset(dir: string, c: SyntheticCase): Promise<string> {
  const rnd = random(c.pins * 7919 + c.zoneVersions);
  const n = c.frontVertices ?? 2000;
  const end = START + c.zoneVersions * DAY;
  const zones = [];
  for (let d = 0; d < c.zoneVersions; d++) {
    const line: number[][] = [];
    for (let i = 0; i <= n; i++) {
      const lat = BOX.s + ((BOX.n - BOX.s) * i) / n;
      line.push([Number(frontLon(lat, d).toFixed(5)), Number(lat.toFixed(5))]);
    }
    // Both rings run counterclockwise (the right-hand rule) and share the front line exactly.
    const west = [[BOX.w, BOX.s], ...line, [BOX.w, BOX.n], [BOX.w, BOX.s]];
    const east = [[BOX.e, BOX.s], [BOX.e, BOX.n], ...[...line].reverse(), [BOX.e, BOX.s]];
    const props = (faction: string) => ({
      faction,
      valid_from: iso(START + d * DAY),
      ...(d + 1 < c.zoneVersions ? { valid_to: iso(START + (d + 1) * DAY) } : {}),
      source: 'synthetic',
      precision: 'exact',
    });
    zones.push({
      type: 'Feature',
      id: `z-regime-${d}`,
      geometry: { type: 'Polygon', coordinates: [west] },
      properties: props('regime'),
    });
    zones.push({
      type: 'Feature',
      id: `z-rebel-${d}`,
      geometry: { type: 'Polygon', coordinates: [east] },
      properties: props('rebel'),
    });
  }
  const places = [];
  for (let i = 0; i < 300; i++) {
    const control = [
      { from: iso(START), faction: rnd() < 0.5 ? 'regime' : 'rebel', source: 'synthetic' },
    ];
    for (let k = 0; k < 3; k++)
      control.push({
        from: iso(START + Math.floor(rnd() * c.zoneVersions) * DAY + DAY / 2),
        faction: ['regime', 'rebel', 'isis'][Math.floor(rnd() * 3)],
        source: 'synthetic',
      });
    const lon = BOX.w + rnd() * (BOX.e - BOX.w);
    const lat = BOX.s + rnd() * (BOX.n - BOX.s);
    places.push({
      type: 'Feature',
      id: `p-${i}`,
      geometry: { type: 'Point', coordinates: [Number(lon.toFixed(5)), Number(lat.toFixed(5))] },
      properties: {
        name: `Place ${i}`,
        name_ar: 'مكان',
        aliases: [],
        kind: 'village',
        control,
        source: 'synthetic',
      },
    });
  }
  const reports = [];
  const statuses = ['confirmed', 'unconfirmed', 'claimed'];
  for (let i = 0; i < c.pins; i++) {
    const t = START + Math.floor(rnd() * (end - START));
    const lon = BOX.w + rnd() * (BOX.e - BOX.w);
    const lat = BOX.s + rnd() * (BOX.n - BOX.s);
    reports.push({
      type: 'Feature',
      id: `r-${i}`,
      geometry: { type: 'Point', coordinates: [Number(lon.toFixed(5)), Number(lat.toFixed(5))] },
      properties: {
        reported_at: iso(t),
        title: `Report ${i}`,
        text: 'A synthetic report of realistic length, paraphrased, about fighting near a village.',
        lang: 'en',
        source_url: `https://example.org/r/${i}`,
        status: statuses[i % 3],
        category: CATEGORY_IDS[i % CATEGORY_IDS.length],
      },
    });
  }
  const posts = [];
  const every = Math.max(1, Math.round(c.zoneVersions / 30));
  for (let d = 0; d < c.zoneVersions; d += every)
    posts.push({
      id: `post-${d}`,
      published_at: iso(START + d * DAY + DAY / 2),
      title: `Day ${d}`,
      url: `https://example.org/p/${d}`,
    });
  const manifest = {
    title: `Synthetic: ${c.pins} pins, ${c.zoneVersions} zone versions`,
    description: 'Benchmark data',
    time_range: { start: iso(START), end: iso(end) },
    default_view: {
      center: [37.3, 36.05],
      zoom: 8.2,
      bounds: [
        [32, 29],
        [48.5, 39.5],
      ],
    },
    factions: [
      { id: 'regime', label: 'Regime', color: '#d55e00' },
      { id: 'rebel', label: 'Rebel', color: '#009e73' },
      { id: 'isis', label: 'ISIS', color: '#3b3b3b' },
      { id: 'ypg', label: 'YPG', color: '#e6c229' },
    ],
    posts: 'posts.json',
    layers: [
      { id: 'zones', kind: 'zones', title: 'Zones', path: 'zones.geojson' },
      { id: 'places', kind: 'places', title: 'Places', path: 'places.geojson' },
      { id: 'reports', kind: 'reports', title: 'Reports', path: 'reports.geojson' },
    ],
    basemap: [],
    attribution: 'Synthetic data',
    sources: [{ name: 'Synthetic', license: 'none' }],
  };
  await mkdir(dir, { recursive: true });
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  await writeFile(join(dir, 'dataset.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'posts.json'), JSON.stringify({ posts }));
  await writeFile(join(dir, 'zones.geojson'), fc(zones));
  await writeFile(join(dir, 'places.geojson'), fc(places));
  await writeFile(join(dir, 'reports.geojson'), fc(reports));
  return join(dir, 'dataset.json');
}
