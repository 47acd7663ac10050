/**
 * Newest first (src/data/load/first-zones.ts, load.ts `onFirst`): on the bundled dataset, the
 * loader hands over the zones active at the opening time, validated, with places, fronts and
 * posts, before it validates the rest; the full load that follows is unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../../src/data/validate/json-scan';
import {
  featureSpans,
  peekZonesActiveAt,
  rawZonesActiveAt,
} from '../../../src/data/load/first-zones';
import { loadDataset } from '../../../src/data/load/load';
import { buildTimeline, openingTime } from '../../../src/data/timeline';
import type { Dataset } from '../../../src/data/types';
import { readLocal, repoUrl } from '../read-local';

const MANIFEST = repoUrl('data/dataset.json');
const ROOT = new URL('../../..', import.meta.url).pathname;
const ids = (zones: { id: string }[]) => zones.map((z) => z.id).sort();

async function loadWithFirst(read = readLocal, openAt?: number) {
  const events: string[] = [];
  let first: Dataset | null = null;
  const full = await loadDataset(MANIFEST, read, undefined, {
    topology: false,
    openAt,
    onFirst: (d) => {
      first = d;
      events.push('first');
    },
    onBase: () => events.push('base'),
  });
  return { first: first as Dataset | null, full, events };
}

describe('newest first', () => {
  it('hands over the zones active when the app opens (the last post), then everything', async () => {
    const { first, full, events } = await loadWithFirst();
    expect(events).toEqual(['first', 'base']);
    if (!first || !full.dataset) throw new Error('not loaded');
    const timeline = buildTimeline(full.dataset);
    const t = openingTime(timeline);
    expect(t).toBe(timeline.posts.at(-1)?.t);
    const active = timeline.zonesActiveAt(t);
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(full.dataset.zones.length);
    // The validated features themselves, and every place, front and post; no reports yet.
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...first.zones].sort(byId)).toEqual([...active].sort(byId));
    expect(first.places).toHaveLength(full.dataset.places.length);
    expect(first.fronts).toHaveLength(full.dataset.fronts.length);
    expect(first.posts).toEqual(full.dataset.posts);
    expect(first.reports).toEqual([]);
  });

  it("opens at the link's time when there is one", async () => {
    const plain = await loadDataset(MANIFEST, readLocal, undefined, { topology: false });
    if (!plain.dataset) throw new Error('not loaded');
    const timeline = buildTimeline(plain.dataset);
    const t = timeline.domain[0] + (timeline.domain[1] - timeline.domain[0]) / 3;
    const { first } = await loadWithFirst(readLocal, t);
    expect(ids(first?.zones ?? [])).toEqual(ids(timeline.zonesActiveAt(t)));
    expect(ids(timeline.zonesActiveAt(t))).not.toEqual(
      ids(timeline.zonesActiveAt(openingTime(timeline))),
    );
  });

  it('leaves out an invalid zone, as the full load does, and changes nothing in the full load', async () => {
    const plain = await loadDataset(MANIFEST, readLocal, undefined, { topology: false });
    if (!plain.dataset) throw new Error('not loaded');
    const active = buildTimeline(plain.dataset).zonesActiveAt(
      openingTime(buildTimeline(plain.dataset)),
    );
    const broken = active[0].id;
    // The zones file with that zone's geometry emptied.
    const read = async (url: string) => {
      const text = await readLocal(url);
      if (!url.endsWith('layers/zones.geojson')) return text;
      const fc = JSON.parse(text);
      for (const f of fc.features) if (f.id === broken) f.geometry.coordinates = [];
      return JSON.stringify(fc);
    };
    const { first, full } = await loadWithFirst(read);
    expect(ids(first?.zones ?? [])).toEqual(ids(active).filter((id) => id !== broken));
    expect(full.problems.some((p) => p.featureId === broken && p.severity === 'error')).toBe(true);
    expect(ids(full.dataset?.zones ?? [])).toEqual(
      ids(plain.dataset.zones).filter((id) => id !== broken),
    );
    // Without the broken zone, the full load is what a load without onFirst gives.
    const withFirst = await loadWithFirst();
    expect(withFirst.full).toEqual(plain);
  });
});

describe('rawZonesActiveAt', () => {
  const fc = (props: object[]) => ({
    type: 'FeatureCollection',
    features: props.map((properties, i) => ({ type: 'Feature', id: `z${i}`, properties })),
  });
  const t = Date.parse('2016-03-01T00:00:00Z');
  it('takes valid_from <= t < valid_to, an open end, and leaves out what has no start time', () => {
    const value = fc([
      { valid_from: '2016-03-01T00:00:00Z', valid_to: '2016-03-02T00:00:00Z' }, // starts at t
      { valid_from: '2016-02-01T00:00:00Z', valid_to: '2016-03-01T00:00:00Z' }, // ends at t
      { valid_from: '2016-02-01T00:00:00Z' }, // open
      { valid_from: '2016-03-01T00:00:01Z' }, // later
      { valid_from: 'yesterday' },
      {},
    ]);
    expect(rawZonesActiveAt(value, t).map((f) => (f as { id: string }).id)).toEqual(['z0', 'z2']);
  });
  it('takes nothing from what is not a FeatureCollection', () => {
    expect(rawZonesActiveAt(null, t)).toEqual([]);
    expect(rawZonesActiveAt({ type: 'Feature' }, t)).toEqual([]);
    expect(rawZonesActiveAt({ features: [null, 3] }, t)).toEqual([]);
  });
});

describe('featureSpans and peekZonesActiveAt', () => {
  const files = ['data', 'tests/fixtures'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.geojson'))
      .map((f) => join(dir, f)),
  );
  it('finds the features scanJson finds, in every GeoJSON file of the repository JSON.parse accepts', () => {
    let compared = 0;
    for (const f of files) {
      const text = readFileSync(join(ROOT, f), 'utf8').replace(/^\uFEFF/, '');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      const spans = featureSpans(text);
      const isCollection = Array.isArray((value as { features?: unknown } | null)?.features);
      if (!isCollection || typeof value !== 'object' || Array.isArray(value)) continue;
      // scanJson spans every element; featureSpans only the objects (a zone is one).
      const scan = scanJson(text);
      const objects = scan.featureOffsets.flatMap((start, k) =>
        text[start] === '{' ? [[start, scan.featureEnds[k]]] : [],
      );
      expect(
        spans?.map((s) => [s.start, s.end]),
        f,
      ).toEqual(objects);
      // Each span's properties are the feature's own.
      const features = (value as { features: unknown[] }).features.filter(
        (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      ) as { properties?: unknown }[];
      features.forEach((feature, k) => {
        const s = spans?.[k];
        if (!s) return;
        const props = s.propsEnd > 0 ? JSON.parse(text.slice(s.propsStart, s.propsEnd)) : null;
        if (feature.properties && typeof feature.properties === 'object')
          expect(props, f).toEqual(feature.properties);
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('skips strings with escaped quotes and brackets, and keeps the last of two "properties"', () => {
    const text = `{"type":"FeatureCollection","note":"a \\\\\\"]}{ b","features":[
      {"type":"Feature","properties":{"a":1},"x":"}\\\\","properties":{"valid_from":"2016-01-01T00:00:00Z","s":"\\"{"},"geometry":null},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":null}]}`;
    expect(JSON.parse(text).features).toHaveLength(2);
    const spans = featureSpans(text);
    expect(spans).toHaveLength(2);
    const [a, b] = spans ?? [];
    expect(JSON.parse(text.slice(a.propsStart, a.propsEnd))).toEqual({
      valid_from: '2016-01-01T00:00:00Z',
      s: '"{',
    });
    expect(b.propsEnd).toBe(-1);
    expect(peekZonesActiveAt(text, Date.parse('2016-02-01T00:00:00Z'))).toEqual([
      JSON.parse(text).features[0],
    ]);
  });

  it('never picks wrongly when a geometry holds a "}" in a string or an object inside it', () => {
    const t = Date.parse('2016-02-01T00:00:00Z');
    const props = '"properties":{"valid_from":"2016-01-01T00:00:00Z"}';
    for (const geometry of [
      '{"type":"Point","coordinates":[1,2],"note":"x}y"}',
      '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}',
      '{"type":"Point","coordinates":[1,2],"extra":{"a":"}"}}',
    ])
      for (const feature of [
        `{"type":"Feature","geometry":${geometry},${props}}`,
        `{"type":"Feature",${props},"geometry":${geometry}}`,
      ]) {
        const text = `{"type":"FeatureCollection","features":[${feature},${feature.replace('2016-01-01', '2017-01-01')}]}`;
        const peeked = peekZonesActiveAt(text, t);
        if (peeked !== null) expect(peeked).toEqual(rawZonesActiveAt(JSON.parse(text), t));
      }
  });

  it('reads JSON however it is spaced: before the root, around colons, after the end', () => {
    const feature = (from: string) =>
      `{ "type" : "Feature" , "properties" :\n {"valid_from":"${from}"} , "geometry" : null }`;
    const text = `\n\t {"type":"FeatureCollection", "features"\n : [ ${feature('2016-01-01T00:00:00Z')} ,\n${feature('2017-01-01T00:00:00Z')} ] }  \r\n  `;
    const t = Date.parse('2016-06-01T00:00:00Z');
    expect(featureSpans(text)).toHaveLength(2);
    expect(peekZonesActiveAt(text, t)).toEqual(rawZonesActiveAt(JSON.parse(text), t));
    // A "features" that is not the root's key, or not an array, holds no features.
    expect(featureSpans('{"type":"FeatureCollection","features":{"a":[{"b":1}]}}')).toEqual([]);
    expect(featureSpans('{"name":"features","list":[{"b":1}],"features":[]}')).toEqual([]);
    expect(featureSpans('{"x":{"features":[{"b":1}]},"features":[]}')).toEqual([]);
  });

  it('gives null for a file cut short or with text after it, so the caller parses it all', () => {
    const text = readFileSync(join(ROOT, 'data/layers/zones.geojson'), 'utf8');
    expect(featureSpans(text)).not.toBeNull();
    expect(featureSpans(text.slice(0, -200))).toBeNull();
    expect(featureSpans(`${text}]`)).toBeNull();
    expect(featureSpans(`[${text}]`)).toBeNull();
    // Cut right after a whole feature: every bracket so far closes, but not the root's.
    const first = featureSpans(text)?.[0];
    expect(first).toBeDefined();
    expect(featureSpans(`${text.slice(0, first?.end)}]`)).toBeNull();
    expect(peekZonesActiveAt(text.slice(0, text.length / 2), Date.now())).toBeNull();
  });

  it('picks from the text what parsing the whole file picks, at every zone boundary of the bundled zones', () => {
    const text = readFileSync(join(ROOT, 'data/layers/zones.geojson'), 'utf8');
    const value = JSON.parse(text);
    const times = new Set<number>();
    for (const f of value.features) {
      times.add(Date.parse(f.properties.valid_from));
      if (f.properties.valid_to) times.add(Date.parse(f.properties.valid_to));
    }
    expect(times.size).toBeGreaterThan(5);
    for (const t of times) {
      expect(peekZonesActiveAt(text, t)).toEqual(rawZonesActiveAt(value, t));
      expect(peekZonesActiveAt(text, t - 1)).toEqual(rawZonesActiveAt(value, t - 1));
    }
    // (Slow under mutation testing, where every loop step is instrumented.)
  }, 60_000);
});
