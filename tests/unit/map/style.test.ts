import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import { buildMapFeatures, type MapFeatures } from '../../../src/data/map-features';
import type { Dataset } from '../../../src/data/types';
import type { TimeStrategy } from '../../../src/map/time-strategy';
import {
  buildStyle,
  factionColor,
  layersOf,
  PLACES_CIRCLE,
  timeLayers,
  ZONES_FILL,
} from '../../../src/map/style';
import type { LayerSpecification } from 'maplibre-gl';
import {
  COMPARE_PLACES,
  FRONTS_SOURCE,
  PLACE_LABELS_SOURCE,
  PLACES_SOURCE,
  UNCERTAINTY_SOURCE,
} from '../../../src/map/style-ids';
import {
  WARM_UP_LABELS_SOURCE,
  WARM_UP_SOURCE,
  WARM_UP_SOURCES,
  warmUpLayers,
} from '../../../src/map/warm-up-layers';
import { ACTIVE_AT_T, KNOWN_AT_T, TIME_STATE } from '../../../src/map/time-filters';
import { keyValues, planTime, type TimePlan, ZONES_KEY } from '../../../src/map/time-plan';
import { readLocal, repoUrl } from '../read-local';

async function fixtureStyle(strategy: 'gpu' | 'keyed' = 'keyed') {
  const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
  const features = buildMapFeatures(dataset!);
  const plan = planTime(features);
  const style = buildStyle({
    strategy,
    plan,
    manifest: {
      ...dataset!.manifest,
      basemap: [
        { kind: 'land', path: 'basemap/countries.geojson' },
        { kind: 'towns', path: 'basemap/towns.geojson' },
      ],
    },
    features,
    fonts: {
      latin: 'https://example.test/latin.woff2',
      latinExt: 'https://example.test/latin-ext.woff2',
      arabic: 'https://example.test/arabic.woff2',
      marks: 'https://example.test/marks.woff2',
    },
    resolve: (p) => `https://example.test/data/${p}`,
    initialTime: Date.parse('2015-11-10T00:00:00Z'),
  });
  return { dataset: dataset!, features, style, plan };
}

/**
 * Evaluates a filter on a feature as MapLibre does, with the global state the controller sets
 * at time t: the plain `t` and, given a plan, every snapped key.
 */
function passes(filter: unknown, properties: object, t: number, plan?: TimePlan) {
  const state = { [TIME_STATE]: t, ...(plan ? keyValues(plan, t) : {}) };
  const f = featureFilter(filter as never, 'layers[0].filter', state);
  return f.filter({ zoom: 8 } as never, { type: 1, properties, geometry: [] } as never);
}

describe('style', () => {
  it('is a valid MapLibre style', async () => {
    const { style } = await fixtureStyle();
    expect(validateStyleMin(style)).toEqual([]);
  });
  it('declares bundled fonts and no glyph server', async () => {
    const { style } = await fixtureStyle();
    expect(style.glyphs).toBeUndefined();
    expect(Object.keys(style['font-faces'] ?? {})).toEqual(['Noto Sans Regular']);
  });
  it('colours by the dataset factions, with a fallback for unknown', () => {
    expect(
      factionColor([
        { id: 'a', label: 'A', color: '#111111' },
        { id: 'b', label: 'B', color: '#222222' },
      ]),
    ).toEqual(['match', ['get', 'faction'], 'a', '#111111', 'b', '#222222', '#9e9e9e']);
  });
  it('lists every toggled layer in the style', async () => {
    const { style, plan } = await fixtureStyle();
    const ids = style.layers.map((l) => l.id);
    for (const layers of Object.values(layersOf(plan)))
      for (const id of layers) expect(ids).toContain(id);
  });
});

describe('time filters', () => {
  const t = (iso: string) => Date.parse(iso);
  it('ACTIVE_AT_T is half-open: in at t0, out at t1', () => {
    const props = { t0: 100, t1: 200 };
    expect(passes(ACTIVE_AT_T, props, 99)).toBe(false);
    expect(passes(ACTIVE_AT_T, props, 100)).toBe(true);
    expect(passes(ACTIVE_AT_T, props, 199)).toBe(true);
    expect(passes(ACTIVE_AT_T, props, 200)).toBe(false);
  });
  it('KNOWN_AT_T shows a report from reported_at on', () => {
    expect(passes(KNOWN_AT_T, { t0: 100 }, 99)).toBe(false);
    expect(passes(KNOWN_AT_T, { t0: 100 }, 100)).toBe(true);
  });
  it('on the fixture, exactly one zone and one place span pass at any moment', async () => {
    const { style, features, plan } = await fixtureStyle();
    const filterOf = (id: string) =>
      (style.layers.find((l) => l.id === id) as { filter: unknown }).filter;
    for (const iso of ['2015-11-05T00:00:00Z', '2015-11-12T12:00:00Z', '2015-11-19T00:00:00Z']) {
      const zones = features.zones.features.filter((f) =>
        passes(filterOf(ZONES_FILL), f.properties, t(iso), plan),
      );
      const places = features.places.features.filter((f) =>
        passes(filterOf(PLACES_CIRCLE), f.properties, t(iso), plan),
      );
      expect(zones).toHaveLength(1);
      expect(places).toHaveLength(1);
    }
    const at = (iso: string) =>
      features.places.features.find((f) =>
        passes(filterOf(PLACES_CIRCLE), f.properties, t(iso), plan),
      )?.properties.faction;
    expect(at('2015-11-12T11:59:59Z')).toBe('rebel');
    expect(at('2015-11-12T12:00:00Z')).toBe('regime');
  });
});

describe('time strategies', () => {
  it('gpu: place dots are one per place, coloured by feature state, never filtered', async () => {
    const { style } = await fixtureStyle('gpu');
    const dots = style.layers.find((l) => l.id === PLACES_CIRCLE) as {
      source: string;
      filter?: unknown;
      paint: Record<string, unknown>;
    };
    expect(dots.source).toBe('place-labels');
    expect(dots.filter).toBeUndefined();
    expect(JSON.stringify(dots.paint['circle-color'])).toContain('"feature-state","faction"');
    expect(validateStyleMin(style)).toEqual([]);
  });
  it('paint: no time filters; opacity is 0 unless active at t; other filters kept', async () => {
    const { layersFor } = await import('../../../src/map/time-strategy');
    const { thematicLayers } = await import('../../../src/map/style');
    const { plan } = await fixtureStyle();
    const layers = layersFor(
      thematicLayers([{ id: 'a', label: 'A', color: '#111111' }], plan, false),
      'paint',
    );
    const approx = layers.find((l) => l.id === 'zones-line-approximate') as {
      filter?: unknown;
      paint: Record<string, unknown>;
    };
    expect(approx.filter).toEqual(['get', 'approximate']);
    const reports = layers.find((l) => l.id === 'reports-circle-0') as {
      filter?: unknown;
      paint: Record<string, unknown>;
    };
    expect(reports.filter).toBeUndefined();
    expect(reports.paint['circle-opacity']).toEqual(['case', KNOWN_AT_T, 1, 0]);
    const setdata = layersFor(thematicLayers([], plan, false), 'setdata');
    expect(
      setdata.some((l) =>
        JSON.stringify((l as { filter?: unknown }).filter ?? null).includes('global-state'),
      ),
    ).toBe(false);
  });
  it('each strategy gives a valid style', async () => {
    const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
    for (const strategy of ['keyed', 'filter', 'paint', 'setdata'] as const) {
      const features = buildMapFeatures(dataset!);
      const style = styleOf(dataset!, features, strategy, planTime(features));
      expect(validateStyleMin(style)).toEqual([]);
    }
  });
});

describe('perday strategy', () => {
  it('repeats the zone layers per version without a time filter, showing only those at t', async () => {
    const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
    const features = buildMapFeatures(dataset!);
    const plan = planTime(features, undefined, false, true);
    const t = Date.parse('2015-11-10T00:00:00Z');
    const layers = timeLayers(dataset!.manifest.factions, plan, 'perday', t);
    expect(layers.some((l) => l.id === ZONES_FILL)).toBe(false);
    const fills = layers.filter((l) => l.id.startsWith(`${ZONES_FILL}-v`));
    expect(fills).toHaveLength(plan.zoneVersions.length);
    const visible = fills.filter((l) => l.layout?.visibility === 'visible').map((l) => l.id);
    const active = features.zones.features.filter(
      (f) => f.properties.t0 <= t && (f.properties.t1 === undefined || t < f.properties.t1),
    );
    expect(active.length).toBeGreaterThan(0);
    expect(visible).toHaveLength(1);
    for (const l of fills) expect(JSON.stringify(l)).not.toContain('global-state');
  });
});

/** The whole style for a dataset, strategy and plan, with placeholder font URLs. */
function styleOf(dataset: Dataset, features: MapFeatures, strategy: TimeStrategy, plan: TimePlan) {
  return buildStyle({
    strategy,
    plan,
    manifest: dataset.manifest,
    features,
    fonts: {
      latin: 'https://x.test/a.woff2',
      latinExt: 'https://x.test/c.woff2',
      arabic: 'https://x.test/b.woff2',
      marks: 'https://x.test/d.woff2',
    },
    resolve: (p) => p,
    initialTime: 0,
  });
}

describe('gpu strategy (zones on the GPU zone layer)', () => {
  it('has no tiled zone layers, an empty zones source and no zones key to send', async () => {
    const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
    const features = buildMapFeatures(dataset!);
    const plan = planTime(features, undefined, false, false, true);
    const style = styleOf(dataset!, features, 'gpu', plan);
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(ids.filter((id) => id.startsWith(ZONES_FILL))).toEqual([]);
    expect(ids).toContain(PLACES_CIRCLE);
    expect(JSON.stringify(style.sources.zones)).not.toContain('Polygon');
    expect(Object.keys(keyValues(plan, 0))).not.toContain(ZONES_KEY);
    // The tiled strategy keeps them, reading the zones key.
    const tiled = timeLayers(dataset!.manifest.factions, planTime(features), 'tiled');
    expect(tiled.some((l) => l.id === ZONES_FILL && JSON.stringify(l).includes(ZONES_KEY))).toBe(
      true,
    );
  });
});

describe('place labels', () => {
  /** The label's lines as MapLibre formats them for a place's properties. */
  async function labelLines(lang: 'en' | 'ar', properties: Record<string, unknown>) {
    const { expression, latest } = await import('@maplibre/maplibre-gl-style-spec');
    const { placeLabel } = await import('../../../src/map/style');
    const spec = (latest.layout_symbol as Record<string, unknown>)['text-field'];
    const parsed = expression.createExpression(placeLabel(lang), spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const formatted = parsed.value.evaluate({ zoom: 8 }, {
      type: 'Point',
      properties,
    } as never) as { sections: { text: string }[] };
    return formatted.sections.map((s) => s.text).join('');
  }
  const place = { name: 'Khan Tuman', name_ar: 'خان طومان', approximate: false };

  it('lead with the interface language: English over Arabic, or Arabic over English', async () => {
    expect(await labelLines('en', place)).toBe('Khan Tuman\nخان طومان');
    expect(await labelLines('ar', place)).toBe('خان طومان\nKhan Tuman');
    expect(await labelLines('ar', { ...place, approximate: true })).toBe(
      'خان طومان (تقريبي)\nKhan Tuman',
    );
    expect(await labelLines('en', { ...place, approximate: true })).toBe(
      'Khan Tuman (approx.)\nخان طومان',
    );
  });

  it('an Arabic style is valid too', async () => {
    const { dataset, features, plan } = await fixtureStyle();
    const style = buildStyle({
      strategy: 'gpu',
      plan,
      manifest: dataset.manifest,
      features,
      fonts: {
        latin: 'https://x.test/a.woff2',
        latinExt: 'https://x.test/c.woff2',
        arabic: 'https://x.test/b.woff2',
        marks: 'https://x.test/d.woff2',
      },
      resolve: (p) => p,
      initialTime: 0,
      lang: 'ar',
    });
    expect(validateStyleMin(style)).toEqual([]);
  });
});

describe('warm-up layers (the early map builds the first frame’s programs: warm-up-layers.ts)', () => {
  it('copy each first-frame layer of the gpu style with the same type, paint and layout, unfiltered, on made-up features that each of them draws', async () => {
    const { style, dataset } = await fixtureStyle('gpu');
    const center = dataset.manifest.default_view.center;
    const warm = warmUpLayers(dataset.manifest.factions, center);
    const firstFrame = style.layers.filter(
      (l) =>
        'source' in l &&
        [FRONTS_SOURCE, PLACES_SOURCE, PLACE_LABELS_SOURCE, UNCERTAINTY_SOURCE].includes(
          l.source as string,
        ) &&
        l.id !== COMPARE_PLACES,
    );
    expect(firstFrame.length).toBeGreaterThanOrEqual(5);
    const sourceOf = (l: LayerSpecification) =>
      l.type === 'symbol' ? WARM_UP_LABELS_SOURCE : WARM_UP_SOURCE;
    expect(warm.layers.map((l) => l.id)).toEqual(firstFrame.map((l) => `${sourceOf(l)}:${l.id}`));
    warm.layers.forEach((copy, i) => {
      const original = firstFrame[i] as LayerSpecification & { paint?: object; layout?: object };
      // MapLibre keys its programs by layer type and which paint values vary by feature.
      expect(copy.type).toBe(original.type);
      expect((copy as typeof original).paint).toEqual(original.paint);
      expect((copy as typeof original).layout).toEqual(original.layout);
      expect('filter' in copy).toBe(false);
      // Labels on a source of their own: their tile waits for the fonts.
      expect((copy as { source: string }).source).toBe(sourceOf(original));
    });
    expect(Object.keys(warm.sources)).toEqual(WARM_UP_SOURCES);
    const shapes = warm.sources[WARM_UP_SOURCE].data as GeoJSON.FeatureCollection;
    expect(shapes.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString', 'Polygon']);
    const labels = warm.sources[WARM_UP_LABELS_SOURCE].data as GeoJSON.FeatureCollection;
    // At the map's centre, where the 2 px early map's only tile is.
    for (const points of [shapes, labels])
      expect((points.features[0].geometry as GeoJSON.Point).coordinates).toEqual(center);
    expect(
      validateStyleMin({
        ...style,
        sources: { ...style.sources, ...warm.sources },
        layers: [...style.layers, ...warm.layers],
      }),
    ).toEqual([]);
  });
});
