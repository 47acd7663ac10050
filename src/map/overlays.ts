/**
 * The map's overlays the controller redraws on request: a checked file's pins, the pin being
 * drafted, and compare mode's areas and ringed places. Each is a GeoJSON source's data (or a
 * layer filter); absent before the style is in, so each call is a no-op then.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Comparison } from '../data/compare/compare';
import { reportFeatures } from '../data/report-features';
import type { LonLat, Report } from '../data/types';
import {
  COMPARE_PLACES,
  COMPARE_SOURCE,
  comparePlacesFilter,
  DRAFT_SOURCE,
  PREVIEW_SOURCE,
} from './style';

/** The valid pins of a file being checked. */
export function drawPreview(map: MapLibreMap, reports: Report[]) {
  map.getSource<GeoJSONSource>(PREVIEW_SOURCE)?.setData(reportFeatures(reports));
}

/** The pin being drafted, or none. */
export function drawDraftPoint(map: MapLibreMap, at: LonLat | null) {
  map.getSource<GeoJSONSource>(DRAFT_SOURCE)?.setData({
    type: 'FeatureCollection',
    features: at
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: {} }]
      : [],
  });
}

/** The areas gained and lost between A and B, and a ring around the places that changed
 * hands; null clears both. */
export function drawComparison(map: MapLibreMap, c: Comparison | null) {
  map.getSource<GeoJSONSource>(COMPARE_SOURCE)?.setData({
    type: 'FeatureCollection',
    features: c?.areas ?? [],
  });
  if (map.getLayer(COMPARE_PLACES))
    map.setFilter(COMPARE_PLACES, comparePlacesFilter(c?.places.map((p) => p.placeId) ?? []));
}
