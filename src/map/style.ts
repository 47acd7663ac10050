/**
 * The map style as typed constants: the basemap layers (from the dataset's basemap files) and the
 * thematic layers (zones, places, reports). Every source and layer id is exported.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { MapFeatures } from '../data/map-features';
import { FRONT_COLOR, STATUS_STYLE, UNKNOWN_COLOR } from '../lib/palette';
import type { Faction, LayerKind, Manifest } from '../data/types';
import type { UiLang } from '../lib/lang';
import { basemapStyle } from './basemap-style';
import { FONT, type FontUrls, fontFaces } from './font-faces';
import { activeAt, knownAt, TIME_STATE } from './time-filters';
import {
  activeVersions,
  FRONTS_KEY,
  keyValues,
  PLACES_KEY,
  reportsKey,
  type TimePlan,
  ZONES_KEY,
} from './time-plan';
import { layersFor, pinsOnGpu, type TimeStrategy, withoutTimeFilter } from './time-strategy';

export const ZONES_SOURCE = 'zones';
export const PLACES_SOURCE = 'places';
/** Front lines (derived with the zones), drawn above them. */
export const FRONTS_SOURCE = 'fronts';
/** One point per place (labels; and the dots when colours come from feature state). */
export const PLACE_LABELS_SOURCE = 'place-labels';
/** Feature-state key holding a place's controller at the current time. */
export const FACTION_STATE = 'faction';
/** Feature-state key holding the side contesting a place at the current time ('' = none). */
export const CONTESTED_STATE = 'contested';
export const UNCERTAINTY_SOURCE = 'places-uncertainty';
/** Report pins come in time buckets (time-plan.ts), one source and one layer each. */
export const reportsSourceId = (k: number) => `reports-${k}`;
/** A file the user is checking in the browser, and the pin being drafted. */
export const PREVIEW_SOURCE = 'preview-reports';
export const DRAFT_SOURCE = 'draft-point';
/** Compare mode: areas gained and lost between A and B (compare.ts), per faction. */
export const COMPARE_SOURCE = 'compare-areas';

export const ZONES_FILL = 'zones-fill';
export const ZONES_LINE = 'zones-line';
export const ZONES_LINE_APPROX = 'zones-line-approximate';
export const ZONES_CONTESTED_LINE = 'zones-contested-line';
/** Feature-state key: the front line is active at the current time (gpu-like strategies). */
export const FRONT_STATE = 'on';
export const FRONTS_CASING = 'fronts-casing';
export const FRONTS_LINE = 'fronts-line';
export const UNCERTAINTY_FILL = 'places-uncertainty-fill';
export const PLACES_CIRCLE = 'places-circle';
export const PLACES_LABEL = 'places-label';
export const reportsLayerId = (k: number) => `reports-circle-${k}`;
export const PREVIEW_CIRCLE = 'preview-circle';
export const DRAFT_CIRCLE = 'draft-circle';
export const COMPARE_GAINED = 'compare-gained';
export const COMPARE_LOST = 'compare-lost';
export const COMPARE_LOST_LINE = 'compare-lost-line';
/** A ring around the places that changed hands between A and B. */
export const COMPARE_PLACES = 'compare-places';
/** The filter of COMPARE_PLACES for a set of place ids. */
export const comparePlacesFilter = (ids: readonly string[]): ExpressionSpecification =>
  ['in', ['get', 'id'], ['literal', [...ids]]] as unknown as ExpressionSpecification;

/** Which map layers each user-facing layer toggle shows or hides. */
export function layersOf(plan: TimePlan): Record<LayerKind, readonly string[]> {
  return {
    // perday (a benchmark strategy) toggles its per-version zone layers by time alone.
    zones: plan.zoneVersions.length ? [] : ZONE_LAYERS,
    fronts: [FRONTS_CASING, FRONTS_LINE],
    places: [UNCERTAINTY_FILL, PLACES_CIRCLE, PLACES_LABEL],
    reports: plan.reportBuckets.map((_, k) => reportsLayerId(k)),
  };
}

/** Layers a click can select, topmost first. */
export function clickableLayers(plan: TimePlan): string[] {
  return [PREVIEW_CIRCLE, ...layersOf(plan).reports, PLACES_CIRCLE];
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export { FRONT_COLOR, STATUS_STYLE, UNKNOWN_COLOR } from '../lib/palette';

/** ["match", faction, id, colour, ..., fallback] built from the dataset's factions. */
export function factionColor(
  factions: readonly Faction[],
  input: ExpressionSpecification = ['get', 'faction'],
): ExpressionSpecification {
  if (factions.length === 0)
    return ['literal', UNKNOWN_COLOR] as unknown as ExpressionSpecification;
  const pairs = factions.flatMap((f) => [f.id, f.color]);
  return ['match', input, ...pairs, UNKNOWN_COLOR] as unknown as ExpressionSpecification;
}

/** Thematic sources, holding the precomputed features with their time intervals. */
export function thematicSources(
  features: MapFeatures,
  plan: TimePlan,
): Record<string, SourceSpecification> {
  return {
    // Per-version zone sources (strategy `perday`) or the GPU zone layer (`gpu`) replace the one
    // source with intervals.
    [ZONES_SOURCE]: {
      type: 'geojson',
      data: plan.zoneVersions.length || plan.zonesOnGpu ? EMPTY : features.zones,
    },
    ...Object.fromEntries(
      plan.zoneVersions.map((v, i) => [
        zoneVersionSourceId(i),
        { type: 'geojson', data: v.zones } as SourceSpecification,
      ]),
    ),
    [FRONTS_SOURCE]: { type: 'geojson', data: features.fronts, promoteId: 'id' },
    [UNCERTAINTY_SOURCE]: { type: 'geojson', data: features.uncertainty },
    [PLACES_SOURCE]: { type: 'geojson', data: features.places },
    [PLACE_LABELS_SOURCE]: { type: 'geojson', data: features.placeLabels, promoteId: 'id' },
    ...Object.fromEntries(
      plan.reportBuckets.map((b, k) => [
        reportsSourceId(k),
        { type: 'geojson', data: b } as SourceSpecification,
      ]),
    ),
    [PREVIEW_SOURCE]: { type: 'geojson', data: EMPTY },
    [DRAFT_SOURCE]: { type: 'geojson', data: EMPTY },
    [COMPARE_SOURCE]: { type: 'geojson', data: EMPTY },
  };
}

/** " (approx.)" after an approximate place's name, in the label's language. */
const APPROX: Record<UiLang, string> = { en: ' (approx.)', ar: ' (تقريبي)' };

/**
 * A place's label: the name in the interface language (marked when the position is
 * approximate) over the other, smaller. English leads with `name`, Arabic with `name_ar`; a place
 * without an Arabic name shows its name alone.
 */
export function placeLabel(lang: UiLang): ExpressionSpecification {
  const [first, second] = lang === 'ar' ? ['name_ar', 'name'] : ['name', 'name_ar'];
  const lead: ExpressionSpecification = ['coalesce', ['get', first], ['get', second]];
  return [
    'format',
    ['case', ['get', 'approximate'], ['concat', lead, APPROX[lang]], lead],
    {},
    '\n',
    {},
    ['coalesce', ['get', second], ''],
    { 'font-scale': 0.85 },
  ];
}

/**
 * Thematic layers, filtered by time through the global state: with `keyed` true each source
 * reads its own snapped key (time-plan.ts), otherwise all read the plain time `t`.
 */
export function thematicLayers(
  factions: readonly Faction[],
  plan: TimePlan,
  keyed = true,
  placesByState = false,
  lang: UiLang = 'en',
): LayerSpecification[] {
  const color = factionColor(factions);
  const zonesNow = activeAt(keyed ? ZONES_KEY : TIME_STATE);
  const placesNow = activeAt(keyed ? PLACES_KEY : TIME_STATE);
  const frontsNow = activeAt(keyed ? FRONTS_KEY : TIME_STATE);
  // By state (as place dots): a time step sets which lines are on, a repaint with no re-tiling,
  // so a video frame is drawn once. Otherwise a time filter.
  const frontOn: ExpressionSpecification = ['boolean', ['feature-state', FRONT_STATE], false];
  const frontsWhen = (opacity: number) =>
    placesByState
      ? { paint: { 'line-opacity': ['case', frontOn, opacity, 0] as ExpressionSpecification } }
      : { filter: frontsNow, paint: { 'line-opacity': opacity } };
  const status = (key: 'fill' | 'stroke'): ExpressionSpecification => [
    'match',
    ['get', 'status'],
    'confirmed',
    STATUS_STYLE.confirmed[key],
    'claimed',
    STATUS_STYLE.claimed[key],
    STATUS_STYLE.unconfirmed[key],
  ];
  return [
    {
      id: ZONES_FILL,
      type: 'fill',
      source: ZONES_SOURCE,
      filter: zonesNow,
      // Approximate zones are drawn visibly lighter than exact ones.
      paint: { 'fill-color': color, 'fill-opacity': ['case', ['get', 'approximate'], 0.22, 0.45] },
    },
    {
      id: ZONES_LINE,
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', zonesNow, ['!', ['get', 'approximate']]],
      paint: { 'line-color': color, 'line-width': 1.5 },
    },
    {
      id: ZONES_LINE_APPROX,
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', zonesNow, ['get', 'approximate']],
      paint: { 'line-color': color, 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
    // Tiled zones cannot stripe a fill without an image pattern: contested zones get a wide
    // dotted edge in the other side's colour instead (the GPU layer draws stripes).
    {
      id: ZONES_CONTESTED_LINE,
      type: 'line',
      source: ZONES_SOURCE,
      filter: ['all', zonesNow, ['!=', ['get', 'contested'], '']],
      paint: {
        'line-color': factionColor(factions, ['get', 'contested']),
        'line-width': 3,
        'line-dasharray': [1, 1],
      },
    },
    // Compare mode, over the zones at B: gained areas in the faction's colour, strong; lost
    // areas washed out white with the faction's colour as a dashed edge.
    {
      id: COMPARE_GAINED,
      type: 'fill',
      source: COMPARE_SOURCE,
      filter: ['==', ['get', 'change'], 'gained'],
      paint: { 'fill-color': color, 'fill-opacity': 0.75 },
    },
    {
      id: COMPARE_LOST,
      type: 'fill',
      source: COMPARE_SOURCE,
      filter: ['==', ['get', 'change'], 'lost'],
      paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.6 },
    },
    {
      id: COMPARE_LOST_LINE,
      type: 'line',
      source: COMPARE_SOURCE,
      filter: ['==', ['get', 'change'], 'lost'],
      paint: { 'line-color': color, 'line-width': 2.5, 'line-dasharray': [1, 1] },
    },
    // Front lines above zones and compare areas: a white casing under a dashed dark line
    // (dashed: derived, approximate).
    {
      id: FRONTS_CASING,
      type: 'line',
      source: FRONTS_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      ...frontsWhen(0.85),
      paint: { 'line-color': '#ffffff', 'line-width': 4.5, ...frontsWhen(0.85).paint },
    },
    {
      id: FRONTS_LINE,
      type: 'line',
      source: FRONTS_SOURCE,
      layout: { 'line-join': 'round' },
      ...frontsWhen(1),
      paint: {
        'line-color': FRONT_COLOR,
        'line-width': 2,
        'line-dasharray': [3, 1.5],
        ...frontsWhen(1).paint,
      },
    },
    {
      id: UNCERTAINTY_FILL,
      type: 'fill',
      source: UNCERTAINTY_SOURCE,
      paint: { 'fill-color': '#5e3c99', 'fill-opacity': 0.12, 'fill-outline-color': '#5e3c99' },
    },
    {
      id: PLACES_CIRCLE,
      type: 'circle',
      // By state: one dot per place, coloured by the feature state the controller sets on each
      // time step (no re-tiling); otherwise one dot per control span, filtered by time.
      ...(placesByState
        ? { source: PLACE_LABELS_SOURCE }
        : { source: PLACES_SOURCE, filter: placesNow }),
      paint: {
        'circle-color': placesByState
          ? factionColor(factions, ['coalesce', ['feature-state', FACTION_STATE], ''])
          : color,
        'circle-radius': ['match', ['get', 'kind'], ['city'], 8, ['airbase', 'base'], 7, 5.5],
        // A contested place: a thick ring in the other side's colour around the holder's dot.
        'circle-stroke-color': placesByState
          ? [
              'case',
              ['!=', ['coalesce', ['feature-state', CONTESTED_STATE], ''], ''],
              factionColor(factions, ['coalesce', ['feature-state', CONTESTED_STATE], '']),
              ['get', 'approximate'],
              '#5e3c99',
              '#ffffff',
            ]
          : ['case', ['get', 'approximate'], '#5e3c99', '#ffffff'],
        'circle-stroke-width': placesByState
          ? [
              'case',
              ['!=', ['coalesce', ['feature-state', CONTESTED_STATE], ''], ''],
              3.5,
              ['get', 'approximate'],
              2.5,
              1.5,
            ]
          : ['case', ['get', 'approximate'], 2.5, 1.5],
      },
    },
    {
      id: COMPARE_PLACES,
      type: 'circle',
      source: PLACE_LABELS_SOURCE,
      filter: comparePlacesFilter([]),
      paint: {
        'circle-radius': 12,
        'circle-opacity': 0,
        'circle-stroke-color': '#1a1a1a',
        'circle-stroke-width': 3,
      },
    },
    {
      // Labels come from a source without time: a control change never re-lays out text.
      id: PLACES_LABEL,
      type: 'symbol',
      source: PLACE_LABELS_SOURCE,
      layout: {
        'text-field': placeLabel(lang),
        'text-font': [FONT],
        'text-size': 12,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
      },
      paint: { 'text-color': '#202020', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    ...plan.reportBuckets.map(
      (_, k): LayerSpecification => ({
        id: reportsLayerId(k),
        type: 'circle',
        source: reportsSourceId(k),
        filter: knownAt(keyed ? reportsKey(k) : TIME_STATE),
        paint: {
          'circle-color': status('fill'),
          'circle-stroke-color': status('stroke'),
          'circle-stroke-width': 2,
          'circle-radius': 6,
          'circle-translate': [8, -8],
        },
      }),
    ),
    {
      // Pins of a file being checked: drawn at their time like the others, ringed in purple.
      id: PREVIEW_CIRCLE,
      type: 'circle',
      source: PREVIEW_SOURCE,
      filter: knownAt(TIME_STATE),
      paint: {
        'circle-color': status('fill'),
        'circle-stroke-color': '#7b2cbf',
        'circle-stroke-width': 3,
        'circle-radius': 8,
      },
    },
    {
      id: DRAFT_CIRCLE,
      type: 'circle',
      source: DRAFT_SOURCE,
      paint: {
        'circle-color': '#ffffff',
        'circle-stroke-color': '#7b2cbf',
        'circle-stroke-width': 3,
        'circle-radius': 9,
      },
    },
  ];
}

export interface StyleInput {
  strategy?: TimeStrategy;
  manifest: Manifest;
  features: MapFeatures;
  plan: TimePlan;
  fonts: FontUrls;
  resolve: (path: string) => string;
  initialTime: number;
  /** The interface language: place labels lead with its name. */
  lang?: UiLang;
}

/** The complete default style: offline basemap from the dataset plus the thematic layers. */
export function buildStyle({
  strategy = 'gpu',
  manifest,
  features,
  plan,
  fonts,
  resolve,
  initialTime,
  lang = 'en',
}: StyleInput): StyleSpecification {
  const base = basemapOnlyStyle(manifest, fonts, resolve, placePointsOf(features));
  return {
    ...base,
    state: globalStateDefaults(plan, initialTime),
    sources: { ...base.sources, ...thematicSources(features, plan) },
    layers: [...base.layers, ...timeLayers(manifest.factions, plan, strategy, initialTime, lang)],
  };
}

/** Distinct [lon, lat] of the dataset's places (basemap towns this close are not labelled). */
export function placePointsOf(features: MapFeatures): number[][] {
  return [...new Set(features.places.features.map((f) => f.geometry.coordinates.join(',')))].map(
    (c) => c.split(',').map(Number),
  );
}

/**
 * The background and the offline basemap alone: what the map opens on while the dataset still
 * loads (early-map.ts); `buildStyle` adds the thematic layers to it.
 */
export function basemapOnlyStyle(
  manifest: Manifest,
  fonts: FontUrls,
  resolve: (path: string) => string,
  placePoints: number[][] = [],
): StyleSpecification & { layers: LayerSpecification[] } {
  const base = basemapStyle(manifest, resolve, placePoints);
  return {
    version: 8,
    name: manifest.title,
    // No paint transitions: a time step shows its state at once.
    transition: { duration: 0, delay: 0 },
    'font-faces': fontFaces(fonts),
    sources: base.sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f2' } },
      ...base.layers,
    ],
  };
}

/** The thematic layers as the strategy wants them, place labels in the interface language. */
export function timeLayers(
  factions: readonly Faction[],
  plan: TimePlan,
  strategy: TimeStrategy,
  t = 0,
  lang: UiLang = 'en',
): LayerSpecification[] {
  const gpuLike = pinsOnGpu(strategy);
  const layers = layersFor(
    thematicLayers(factions, plan, strategy === 'keyed' || gpuLike, gpuLike, lang),
    strategy,
  );
  // The GPU zone layer (zone-layer.ts) draws the zones: no tiled zone layers.
  if (plan.zonesOnGpu) return layers.filter((l) => !ZONE_LAYERS.includes(l.id));
  if (!plan.zoneVersions.length) return layers;
  // perday: each zone layer is repeated per version, without its time filter; only the
  // versions active at t are visible, and a step toggles layout visibility.
  const active = new Set(activeVersions(plan.zoneVersions, t));
  return layers.flatMap((layer) => {
    if (!ZONE_LAYERS.includes(layer.id)) return [layer];
    const rest = withoutTimeFilter(layer);
    return plan.zoneVersions.map(
      (_, i) =>
        ({
          ...rest,
          id: zoneVersionLayerId(layer.id, i),
          source: zoneVersionSourceId(i),
          layout: { visibility: active.has(i) ? 'visible' : 'none' },
        }) as LayerSpecification,
    );
  });
}

const ZONE_LAYERS = [ZONES_FILL, ZONES_LINE, ZONES_LINE_APPROX, ZONES_CONTESTED_LINE];
export const zoneVersionSourceId = (i: number) => `${ZONES_SOURCE}-v${i}`;
export const zoneVersionLayerId = (layer: string, i: number) => `${layer}-v${i}`;
/** The layers of zone version i (strategy `perday`). */
export const zoneVersionLayers = (i: number) => ZONE_LAYERS.map((l) => zoneVersionLayerId(l, i));

/** Initial values of every global-state key: the plain time and each snapped key. */
export function globalStateDefaults(plan: TimePlan, t: number): StyleSpecification['state'] {
  const values = { [TIME_STATE]: t, ...keyValues(plan, t) };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { default: v }]));
}
