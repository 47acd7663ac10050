/**
 * Counting what the map draws now, for tests, the benchmark and newsroom scripts (the automation
 * hook's `renderedCount`): the GPU layers count on the CPU from their own ranges, the others
 * through MapLibre's queryRenderedFeatures.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerKind } from '../data/types';
import type { PinLayer } from './layers/pin-layer';
import {
  COMPARE_GAINED,
  COMPARE_LOST,
  COMPARE_PLACES,
  DRAFT_CIRCLE,
  FRONT_STATE,
  FRONTS_LINE,
  layersOf,
  PLACES_CIRCLE,
  PREVIEW_CIRCLE,
  ZONES_FILL,
} from './style';
import type { TimePlan } from './time-plan';
import { pinsOnGpu, type TimeStrategy } from './time-strategy';
import type { ZoneLayer } from './layers/zone-layer';

/** What renderedCount can count: a layer kind, a checked file's pins, the draft pin, or, in
 * compare mode, the factions with gained or lost areas drawn and the ringed places. */
export type RenderedKind =
  | LayerKind
  | 'preview'
  | 'draft'
  | 'compare-gained'
  | 'compare-lost'
  | 'compare-places';

/** How many distinct features of a kind (or the preview/draft pins) `map` draws now. */
export function countRendered(
  map: MapLibreMap,
  kind: RenderedKind,
  on: {
    visible: readonly LayerKind[];
    plan: TimePlan;
    strategy: TimeStrategy;
    pins: PinLayer | null;
    zones: ZoneLayer | null;
  },
): number {
  if (
    (kind === 'zones' || kind === 'fronts' || kind === 'places' || kind === 'reports') &&
    !on.visible.includes(kind)
  )
    return 0;
  if (kind === 'reports' && on.pins) return on.pins.countInView();
  if (kind === 'zones' && on.zones) return on.zones.countInView();
  const layers = {
    zones: [ZONES_FILL],
    fronts: [FRONTS_LINE],
    places: [PLACES_CIRCLE],
    reports: layersOf(on.plan).reports,
    preview: [PREVIEW_CIRCLE],
    draft: [DRAFT_CIRCLE],
    'compare-gained': [COMPARE_GAINED],
    'compare-lost': [COMPARE_LOST],
    'compare-places': [COMPARE_PLACES],
  }[kind];
  const all = map.queryRenderedFeatures({ layers: [...layers] });
  // Front lines drawn by feature state are queried even while off (opacity 0): count those on.
  const found =
    kind === 'fronts' && pinsOnGpu(on.strategy)
      ? all.filter((f) => f.state?.[FRONT_STATE] === true)
      : all;
  // Areas have no id: count the factions drawn.
  if (kind === 'compare-gained' || kind === 'compare-lost')
    return new Set(found.map((f) => f.properties?.faction)).size;
  return kind === 'draft' ? found.length : new Set(found.map((f) => f.properties?.id)).size;
}
