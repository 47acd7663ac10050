/**
 * The map style as typed constants: the basemap layers (from the dataset's basemap files), the
 * thematic sources, and the assembly of the thematic layers (style-layers.ts) as each time
 * strategy wants them. Every source and layer id is exported (style-ids.ts).
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapFeatures } from '../data/map-features';
import type { Faction, LayerKind, Manifest } from '../data/types';
import type { UiLang } from '../lib/lang';
import { basemapStyle } from './basemap-style';
import { type FontUrls, fontFaces } from './font-faces';
import { TIME_STATE } from './time-filters';
import { activeVersions, keyValues, type TimePlan } from './time-plan';
import { layersFor, pinsOnGpu, type TimeStrategy, withoutTimeFilter } from './time-strategy';
import {
  COMPARE_SOURCE,
  DRAFT_SOURCE,
  FRONTS_CASING,
  FRONTS_LINE,
  FRONTS_SOURCE,
  PLACES_CIRCLE,
  PLACES_LABEL,
  PLACES_SOURCE,
  PLACE_LABELS_SOURCE,
  PREVIEW_CIRCLE,
  PREVIEW_SOURCE,
  UNCERTAINTY_FILL,
  UNCERTAINTY_SOURCE,
  ZONES_SOURCE,
  ZONE_LAYERS,
  reportsLayerId,
  reportsSourceId,
} from './style-ids';
import { thematicLayers } from './style-layers';

export * from './style-ids';
export { factionColor, placeLabel, thematicLayers } from './style-layers';

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

export const zoneVersionSourceId = (i: number) => `${ZONES_SOURCE}-v${i}`;
export const zoneVersionLayerId = (layer: string, i: number) => `${layer}-v${i}`;
/** The layers of zone version i (strategy `perday`). */
export const zoneVersionLayers = (i: number) => ZONE_LAYERS.map((l) => zoneVersionLayerId(l, i));

/** Initial values of every global-state key: the plain time and each snapped key. */
export function globalStateDefaults(plan: TimePlan, t: number): StyleSpecification['state'] {
  const values = { [TIME_STATE]: t, ...keyValues(plan, t) };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { default: v }]));
}
