/**
 * The thematic layers' specs: zones, fronts, places and their labels, report pins, the preview
 * and draft pins, and compare mode's areas and rings, coloured by faction and status, filtered by
 * time through the global state (style.ts assembles them with the sources and the basemap).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Faction } from '../data/types';
import type { UiLang } from '../lib/lang';
import { FRONT_COLOR, STATUS_STYLE, UNKNOWN_COLOR } from '../lib/palette';
import { FONT } from './font-faces';
import { activeAt, knownAt, TIME_STATE } from './time-filters';
import { FRONTS_KEY, PLACES_KEY, reportsKey, type TimePlan, ZONES_KEY } from './time-plan';
import {
  COMPARE_GAINED,
  COMPARE_LOST,
  COMPARE_LOST_LINE,
  COMPARE_PLACES,
  COMPARE_SOURCE,
  CONTESTED_STATE,
  DRAFT_CIRCLE,
  DRAFT_SOURCE,
  FACTION_STATE,
  FRONTS_CASING,
  FRONTS_LINE,
  FRONTS_SOURCE,
  FRONT_STATE,
  PLACES_CIRCLE,
  PLACES_LABEL,
  PLACES_SOURCE,
  PLACE_LABELS_SOURCE,
  PREVIEW_CIRCLE,
  PREVIEW_SOURCE,
  UNCERTAINTY_FILL,
  UNCERTAINTY_SOURCE,
  ZONES_CONTESTED_LINE,
  ZONES_FILL,
  ZONES_LINE,
  ZONES_LINE_APPROX,
  ZONES_SOURCE,
  comparePlacesFilter,
  reportsLayerId,
  reportsSourceId,
} from './style-ids';

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
