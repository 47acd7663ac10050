/**
 * The bundled dataset (data/), read as files, for browser tests that check the app against it:
 * counts and positions come from the data, never written into a test, since the data grows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DATA = resolve(import.meta.dirname, '../../data');
const json = (path: string) => JSON.parse(readFileSync(join(DATA, path), 'utf8'));

interface Control {
  from: string;
  faction: string;
}
export interface BundledPlace {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: { name: string; control: Control[] };
}
export interface BundledReport {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: { reported_at: string; title: string };
}

export const manifest = json('dataset.json');
export const posts: { id: string; published_at: string }[] = json(manifest.posts).posts;
const layer = (kind: string) =>
  (manifest.layers as { kind: string; path: string }[]).find((l) => l.kind === kind)?.path ?? '';
export const places: BundledPlace[] = json(layer('places')).features;
/** Every report, from the reports folder (one file each) or a single layer file. */
export const reports: BundledReport[] = layer('reports').endsWith('/')
  ? readdirSync(join(DATA, layer('reports')), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.geojson'))
      .map((f) => json(join(layer('reports'), f)))
  : json(layer('reports')).features;

export const placeById = (id: string): BundledPlace => {
  const p = places.find((x) => x.id === id);
  if (!p) throw new Error(`no place ${id} in data/`);
  return p;
};
export const reportById = (id: string): BundledReport => {
  const r = reports.find((x) => x.id === id);
  if (!r) throw new Error(`no report ${id} in data/`);
  return r;
};

/** Control changes (a place passing to another faction) whose time lies in [t0, t1). */
export function controlChangesIn(t0: number, t1: number): number {
  let n = 0;
  for (const p of places) {
    const entries = [...p.properties.control].sort(
      (a, b) => Date.parse(a.from) - Date.parse(b.from),
    );
    entries.forEach((c, i) => {
      const t = Date.parse(c.from);
      if (i > 0 && entries[i - 1].faction !== c.faction && t >= t0 && t < t1) n++;
    });
  }
  return n;
}

/** Who held a place at t (the last control entry from at or before t), or null before any. */
export function controllerAt(place: BundledPlace, t: number): string | null {
  let best: Control | null = null;
  for (const c of place.properties.control)
    if (Date.parse(c.from) <= t && (!best || Date.parse(c.from) >= Date.parse(best.from))) best = c;
  return best?.faction ?? null;
}
