/**
 * Turns the dataset into the GeoJSON the map draws, once, at load. Every time-dependent feature
 * carries numeric `t0` (inclusive) and `t1` (exclusive) in epoch ms, so that moving in time only
 * changes a filter value on data already in the map.
 */
import circle from '@turf/circle';
import type {
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import { OPEN_END_MS } from '../lib/time';
import { controlSpans, zoneInterval } from './timeline';
import { reportFeatures } from './report-features';
import type { Dataset } from './types';
import type { ZoneMesh } from './zones/zone-ranges';

/** Faction id used for a place before its first known control change. */
export const UNKNOWN_FACTION = '';

export interface ZoneFeatureProps {
  id: string;
  faction: string;
  /** For a contested zone, the other side fighting over it (the first listed that does not
   * hold it); '' otherwise. */
  contested: string;
  t0: number;
  t1: number;
  approximate: boolean;
}
export interface FrontFeatureProps {
  id: string;
  t0: number;
  t1: number;
}
export interface PlaceFeatureProps {
  id: string;
  name: string;
  name_ar: string;
  kind: string;
  faction: string;
  t0: number;
  t1: number;
  approximate: boolean;
}
export interface ReportFeatureProps {
  id: string;
  status: string;
  title: string;
  t0: number;
}

export interface MapFeatures {
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProps>;
  fronts: FeatureCollection<LineString | MultiLineString, FrontFeatureProps>;
  /** One point per place and control span. */
  places: FeatureCollection<Point, PlaceFeatureProps>;
  /** One label point per place: names do not change with time, so labels never re-lay out. */
  placeLabels: FeatureCollection<
    Point,
    { id: string; name: string; name_ar: string; kind: string; approximate: boolean }
  >;
  /** Spells when a place is contested: the other side (against the holder at the spell's
   * start), epoch ms [t0, t1). */
  contestedSpans: { id: string; other: string; t0: number; t1: number }[];
  /** Circles of uncertainty around approximately placed places. */
  uncertainty: FeatureCollection<Polygon, { id: string }>;
  reports: FeatureCollection<Point, ReportFeatureProps>;
  /**
   * The zones triangulated for the GPU zone layer (zone-mesh.ts), built off the main thread by
   * the loader; without it the map draws zones from a tiled source.
   */
  zoneMesh?: ZoneMesh;
}

/** The side contesting an area or place against its holder: the first listed that is not the
 * holder; '' when not contested. */
export function otherSide(holder: string, contested: readonly string[] | undefined): string {
  if (!contested?.length) return '';
  return contested.find((f) => f !== holder) ?? contested[0];
}

/** Builds the map's feature collections from a loaded dataset. */
export function buildMapFeatures(dataset: Dataset): MapFeatures {
  const zones = dataset.zones.map((z) => ({
    type: 'Feature' as const,
    geometry: z.geometry,
    properties: {
      id: z.id,
      faction: z.properties.faction,
      contested: otherSide(z.properties.faction, z.properties.contested),
      ...zoneInterval(z),
      approximate: z.properties.precision === 'approximate',
    },
  }));
  const fronts = dataset.fronts.map((f) => ({
    type: 'Feature' as const,
    geometry: f.geometry,
    properties: { id: f.id, ...zoneInterval(f) },
  }));
  const places = dataset.places.flatMap((p) => {
    const spans = controlSpans(p);
    const base = {
      id: p.id,
      name: p.properties.name,
      name_ar: p.properties.name_ar,
      kind: p.properties.kind,
      approximate: p.properties.precision === 'approximate',
    };
    const unknownUntil = spans.length ? spans[0].t0 : OPEN_END_MS;
    const all = [{ faction: UNKNOWN_FACTION, t0: -OPEN_END_MS, t1: unknownUntil }, ...spans];
    return all.map((s) => ({
      type: 'Feature' as const,
      geometry: p.geometry,
      properties: { ...base, faction: s.faction, t0: s.t0, t1: s.t1 },
    }));
  });
  const uncertainty = dataset.places
    .filter(
      (p) => p.properties.precision === 'approximate' && (p.properties.uncertainty_m ?? 0) > 0,
    )
    .map((p) => {
      const c = circle(p.geometry.coordinates, (p.properties.uncertainty_m ?? 0) / 1000, {
        steps: 48,
        units: 'kilometers',
      });
      return { type: 'Feature' as const, geometry: c.geometry, properties: { id: p.id } };
    });
  const reports = reportFeatures(dataset.reports);
  const contestedSpans = dataset.places.flatMap((p) =>
    (p.properties.contested ?? []).map((c) => {
      const { t0, t1 } = zoneInterval({ properties: { valid_from: c.from, valid_to: c.to } });
      const holder = controlSpans(p).find((s) => s.t0 <= t0 && t0 < s.t1)?.faction ?? '';
      return { id: p.id, other: otherSide(holder, c.factions), t0, t1 };
    }),
  );
  return {
    contestedSpans,
    zones: { type: 'FeatureCollection', features: zones },
    fronts: { type: 'FeatureCollection', features: fronts },
    places: { type: 'FeatureCollection', features: places },
    placeLabels: {
      type: 'FeatureCollection',
      features: dataset.places.map((p) => ({
        type: 'Feature' as const,
        geometry: p.geometry,
        properties: {
          id: p.id,
          name: p.properties.name,
          name_ar: p.properties.name_ar,
          kind: p.properties.kind,
          approximate: p.properties.precision === 'approximate',
        },
      })),
    },
    uncertainty: { type: 'FeatureCollection', features: uncertainty },
    reports,
  };
}

export { reportFeatures };
