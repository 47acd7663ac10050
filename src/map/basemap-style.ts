/**
 * The offline basemap's sources and layers, from the basemap files the dataset lists (Natural
 * Earth land, borders, coast, rivers, lakes; OCHA governorates; GeoNames towns).
 */
import type { FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { BasemapKind, Manifest } from '../data/types';
import { FONT } from './font-faces';

export const basemapSourceId = (kind: BasemapKind) => `basemap-${kind}`;

/** A basemap town this close (metres) to a dataset place is not labelled. */
export const TOWN_DEDUP_M = 2500;

const BASEMAP_LAYER: Record<
  BasemapKind,
  (source: string, placePoints: number[][]) => LayerSpecification
> = {
  land: (source) => ({
    id: 'basemap-land',
    type: 'fill',
    source,
    paint: { 'fill-color': '#f2efe9' },
  }),
  admin: (source) => ({
    id: 'basemap-admin',
    type: 'line',
    source,
    paint: { 'line-color': '#b9b0a3', 'line-width': 0.8, 'line-dasharray': [3, 2] },
  }),
  lakes: (source) => ({
    id: 'basemap-lakes',
    type: 'fill',
    source,
    paint: { 'fill-color': '#c6dbef' },
  }),
  rivers: (source) => ({
    id: 'basemap-rivers',
    type: 'line',
    source,
    paint: { 'line-color': '#9ecae1', 'line-width': 1.2 },
  }),
  borders: (source) => ({
    id: 'basemap-borders',
    type: 'line',
    source,
    paint: { 'line-color': '#6b6b6b', 'line-width': 1.4 },
  }),
  coast: (source) => ({
    id: 'basemap-coast',
    type: 'line',
    source,
    paint: { 'line-color': '#8fb3cf', 'line-width': 1 },
  }),
  towns: (source, placePoints) => ({
    id: BASEMAP_TOWNS,
    type: 'symbol',
    source,
    minzoom: 7,
    // Towns the dataset marks as places are labelled by the places layer, not twice.
    ...(placePoints.length ? { filter: townFilter(placePoints) } : {}),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT],
      'text-size': 11,
      'text-optional': true,
    },
    paint: { 'text-color': '#7a7a7a', 'text-halo-color': '#f2efe9', 'text-halo-width': 1.2 },
  }),
};
/** The towns layer's filter: towns farther than TOWN_DEDUP_M from every dataset place. */
export function townFilter(placePoints: number[][]): FilterSpecification {
  return ['>', ['distance', { type: 'MultiPoint', coordinates: placePoints }], TOWN_DEDUP_M];
}

/** Id of the basemap towns layer (its filter is set once the places are known). */
export const BASEMAP_TOWNS = 'basemap-towns';

/** Drawing order of basemap kinds, bottom first. */
const BASEMAP_ORDER: readonly BasemapKind[] = [
  'land',
  'admin',
  'lakes',
  'rivers',
  'borders',
  'coast',
  'towns',
];

/** Basemap sources (by URL, parsed in the worker) and layers for the kinds the manifest lists. */
export function basemapStyle(
  manifest: Manifest,
  resolve: (path: string) => string,
  placePoints: number[][] = [],
) {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  for (const kind of BASEMAP_ORDER) {
    const ref = manifest.basemap.find((b) => b.kind === kind);
    if (!ref) continue;
    sources[basemapSourceId(kind)] = { type: 'geojson', data: resolve(ref.path) };
    layers.push(BASEMAP_LAYER[kind](basemapSourceId(kind), placePoints));
  }
  return { sources, layers };
}
