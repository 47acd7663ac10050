/**
 * A generated dataset shaped like a real year of a live war map's daily control polygons
 * (issue 13): one MultiPolygon a day for 365 days, each with ragged outlines — a fractal coast
 * that stays put, a fractal front that drifts from day to day, enclaves beyond the front and
 * pockets (holes) inside — about 66 KB a day, ~24 MB in one zones file. Deterministic (seeded).
 *
 * Every ring is star-shaped around its own centre (a radius per angle, always positive), so no
 * ring crosses itself; enclaves lie beyond the main part's largest radius and holes inside its
 * smallest, so the parts never overlap and the file is valid for `npm run validate`.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface RealZonesCase {
  /** Daily versions (default 365). */
  days?: number;
  /** Vertices of the main part's outline (default 2,600; about 66 KB a day with the rest). */
  mainVertices?: number;
}

const DAY = 86_400_000;
const START = Date.parse('2016-01-01T00:00:00Z');
const CENTRE: [number, number] = [37.6, 35.2];
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** mulberry32: a small seeded PRNG. */
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

/**
 * Periodic fractal noise of n samples (n a power of two), by midpoint displacement: each level
 * halves the spacing and the displacement (`roughness` per level), as coastlines measure.
 * Values roughly in [-1, 1]; n must be a power of two.
 */
export function fractalNoise(n: number, seed: number, roughness = 0.62): Float64Array {
  const rnd = random(seed);
  const out = new Float64Array(n);
  let step = n;
  let amp = 1;
  out[0] = 0;
  while (step > 1) {
    const half = step / 2;
    for (let i = 0; i < n; i += step) {
      const a = out[i];
      const b = out[(i + step) % n];
      out[i + half] = (a + b) / 2 + (rnd() * 2 - 1) * amp;
    }
    amp *= roughness;
    step = half;
  }
  return out;
}

/** A closed, counterclockwise ring around `c` whose radius (degrees of latitude) at sample i
 * of n is r(i); longitudes are widened by 1/cos(lat) so the shape is not squashed. */
function starRing(c: [number, number], n: number, r: (i: number) => number): number[][] {
  const k = 1 / Math.cos((c[1] * Math.PI) / 180);
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const ri = r(i);
    ring.push([
      Number((c[0] + Math.cos(a) * ri * k).toFixed(5)),
      Number((c[1] + Math.sin(a) * ri).toFixed(5)),
    ]);
  }
  ring.push(ring[0]);
  return ring;
}

/** How much of the outline at angle a (radians) is the front (1, east) rather than the coast
 * and the border (0, west): a smooth step, so the two meet without a kink. */
function frontWeight(a: number): number {
  const x = Math.cos(a); // 1 east, -1 west
  return Math.min(1, Math.max(0, (x + 0.3) / 0.6));
}

/** The MultiPolygon of day d: the main part (its front moving), 3 enclaves, up to 3 holes. */
export function dayGeometry(
  d: number,
  mainVertices: number,
  noise: { main: Float64Array; small: Float64Array[] },
) {
  // Low-frequency drift of the front: a few slow waves with their own phases and speeds.
  const waves = [1, 2, 3, 5, 8].map((k, j) => ({
    k,
    amp: 0.18 / (j + 1),
    phase: j * 1.7 + (d / 365) * (2 + j) * Math.PI,
  }));
  const main = starRing(CENTRE, mainVertices, (i) => {
    const a = (2 * Math.PI * i) / mainVertices;
    const w = frontWeight(a);
    let drift = 0;
    for (const v of waves) drift += v.amp * Math.sin(v.k * a + v.phase);
    // Daily detail along the front: the fixed fractal shifted a little each week.
    const n = noise.main.length;
    const detail =
      noise.main[(Math.floor((i * n) / mainVertices) + Math.floor(d / 7) * 3 * Math.round(w)) % n];
    return 1.45 + w * drift + 0.16 * detail * (0.6 + 0.4 * w);
  });
  const polygons: number[][][][] = [];
  const holes: number[][][] = [];
  // Pockets inside the main part (well within its smallest radius, about 0.95): present for
  // stretches of the year, as besieged towns are.
  for (let h = 0; h < 3; h++) {
    if (((d + 60 * h) % 365) / 365 > 0.7) continue;
    const a = h * 2.1 + 0.4;
    const c: [number, number] = [CENTRE[0] + Math.cos(a) * 0.45, CENTRE[1] + Math.sin(a) * 0.45];
    const n = noise.small[h];
    // Holes run clockwise (the right-hand rule).
    holes.push(starRing(c, n.length, (i) => 0.09 + 0.02 * n[i]).reverse());
  }
  polygons.push([main, ...holes]);
  // Enclaves beyond the front (the main part reaches at most about 2.1).
  for (let e = 0; e < 3; e++) {
    const a = -0.7 + e * 0.7;
    const dist = 2.7 + 0.1 * e;
    const c: [number, number] = [
      CENTRE[0] + (Math.cos(a) * dist) / Math.cos((CENTRE[1] * Math.PI) / 180),
      CENTRE[1] + Math.sin(a) * dist,
    ];
    const n = noise.small[3 + e];
    const size = 0.12 + 0.03 * Math.sin(d / 40 + e);
    polygons.push([starRing(c, n.length, (i) => size * (1 + 0.25 * n[i]))]);
  }
  return { type: 'MultiPolygon' as const, coordinates: polygons };
}

/**
 * Writes the dataset (manifest, posts, one zones file, a few places and reports, and the app's
 * offline basemap files copied beside it) into `dir`; returns the manifest's path.
 */
export async function writeRealZonesDataset(dir: string, c: RealZonesCase = {}): Promise<string> {
  const days = c.days ?? 365;
  const mainVertices = c.mainVertices ?? 2600;
  const noise = {
    main: fractalNoise(4096, 13),
    small: [0, 1, 2, 3, 4, 5].map((s) => fractalNoise(128, 100 + s)),
  };
  const end = START + days * DAY;
  const zones = [];
  for (let d = 0; d < days; d++)
    zones.push({
      type: 'Feature',
      id: `z-${d}`,
      geometry: dayGeometry(d, mainVertices, noise),
      properties: {
        faction: 'regime',
        valid_from: iso(START + d * DAY),
        ...(d + 1 < days ? { valid_to: iso(START + (d + 1) * DAY) } : {}),
        source: 'synthetic',
        precision: 'exact',
      },
    });
  const rnd = random(days);
  const places = [];
  for (let i = 0; i < 40; i++)
    places.push({
      type: 'Feature',
      id: `p-${i}`,
      geometry: {
        type: 'Point',
        coordinates: [
          Number((CENTRE[0] - 1.5 + rnd() * 3).toFixed(5)),
          Number((CENTRE[1] - 1.2 + rnd() * 2.4).toFixed(5)),
        ],
      },
      properties: {
        name: `Place ${i}`,
        name_ar: 'مكان',
        aliases: [],
        kind: 'village',
        control: [{ from: iso(START), faction: i % 2 ? 'regime' : 'rebel', source: 'synthetic' }],
        source: 'synthetic',
      },
    });
  const posts = [];
  for (let d = 0; d < days; d += 7)
    posts.push({
      id: `post-${d}`,
      published_at: iso(START + d * DAY + DAY / 2),
      title: `Day ${d}`,
      url: `https://example.org/p/${d}`,
    });
  const repo = resolve(import.meta.dirname, '../..');
  const bundled = JSON.parse(await readFile(join(repo, 'data/dataset.json'), 'utf8'));
  const basemap = (bundled.basemap as { kind: string; path: string }[]).map((b) => ({
    kind: b.kind,
    path: b.path,
  }));
  const manifest = {
    title: `Generated: ${days} daily control MultiPolygons`,
    description: 'Benchmark data shaped like a live map: ragged coast and front, enclaves, pockets',
    time_range: { start: iso(START), end: iso(end) },
    default_view: {
      center: CENTRE,
      zoom: 6.3,
      bounds: [
        [32, 29],
        [48.5, 39.5],
      ],
    },
    factions: [
      { id: 'regime', label: 'Regime', color: '#d55e00' },
      { id: 'rebel', label: 'Rebel', color: '#009e73' },
    ],
    posts: 'posts.json',
    layers: [
      { id: 'zones', kind: 'zones', title: 'Zones', path: 'zones.geojson' },
      { id: 'places', kind: 'places', title: 'Places', path: 'places.geojson' },
    ],
    basemap,
    attribution: 'Generated data · Natural Earth · OCHA · GeoNames',
    sources: [{ name: 'Generated', license: 'none' }],
  };
  await mkdir(join(dir, 'basemap'), { recursive: true });
  for (const b of basemap) await copyFile(join(repo, 'data', b.path), join(dir, b.path));
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  await writeFile(join(dir, 'dataset.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'posts.json'), JSON.stringify({ posts }));
  await writeFile(join(dir, 'zones.geojson'), fc(zones));
  await writeFile(join(dir, 'places.geojson'), fc(places));
  return join(dir, 'dataset.json');
}
