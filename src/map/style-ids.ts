/**
 * Every source, layer and feature-state id of the thematic style (style.ts re-exports them),
 * apart so the layers' specs (style-layers.ts) and the style's assembly share them.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

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

/** The tiled zone layers (the GPU zone layer replaces them; `perday` repeats them per version). */
export const ZONE_LAYERS = [ZONES_FILL, ZONES_LINE, ZONES_LINE_APPROX, ZONES_CONTESTED_LINE];
