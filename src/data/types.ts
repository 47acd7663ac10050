/**
 * The dataset model. Times named `*_at`, `valid_from`, `valid_to`, `from` are ISO 8601 strings
 * with a time zone; their parsed forms are epoch milliseconds (`t0`, `t1`, `t`).
 * Positions are [longitude, latitude] in WGS 84 degrees.
 */
import type { LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

export type LonLat = [number, number];
export type Precision = 'exact' | 'approximate';
export type ReportStatus = 'confirmed' | 'unconfirmed' | 'claimed';
export const REPORT_STATUSES: readonly ReportStatus[] = ['confirmed', 'unconfirmed', 'claimed'];
/** The row of area tables (compare) that holds contested zones, whoever holds them. */
export const CONTESTED_ROW = 'contested';
export type LayerKind = 'zones' | 'fronts' | 'places' | 'reports';
export const LAYER_KINDS: readonly LayerKind[] = ['zones', 'fronts', 'places', 'reports'];
export type BasemapKind = 'land' | 'admin' | 'lakes' | 'rivers' | 'borders' | 'coast' | 'towns';

export interface Faction {
  id: string;
  label: string;
  /** CSS hex colour, #rrggbb. */
  color: string;
}

export interface SourceCredit {
  name: string;
  license: string;
  url?: string;
  /** What the project took from it. */
  used_for?: string;
}

export interface LayerRef {
  id: string;
  kind: LayerKind;
  title: string;
  /** Path relative to the manifest. */
  path: string;
}

export interface BasemapRef {
  kind: BasemapKind;
  /** Path relative to the manifest. */
  path: string;
}

export interface Manifest {
  title: string;
  description: string;
  time_range: { start: string; end: string };
  default_view: { center: LonLat; zoom: number; bounds: [LonLat, LonLat] };
  factions: Faction[];
  /** Path of the posts file, relative to the manifest. */
  posts: string;
  layers: LayerRef[];
  basemap: BasemapRef[];
  /** Short attribution line drawn on the map. */
  attribution: string;
  sources: SourceCredit[];
}

export interface Post {
  id: string;
  published_at: string;
  title: string;
  url: string;
  author?: string;
  /** What kind of publication this is (live blog post, news report, backgrounder ...). */
  kind?: string;
}

export interface ZoneProps {
  faction: string;
  valid_from: string;
  valid_to?: string;
  source: string;
  precision: Precision;
  /** Factions fighting over this area; absent when it is not contested. */
  contested?: string[];
  note?: string;
}

/** Where the areas of two factions meet, for a time (derived with the zones; approximate). */
export interface FrontProps {
  /** The two factions whose areas meet there, manifest order. */
  factions: string[];
  valid_from: string;
  valid_to?: string;
  source: string;
  precision: Precision;
  note?: string;
}

/** Another source's claim that disagrees with a control entry; the map does not show it. */
export interface ControlClaim {
  faction: string;
  from?: string;
  source: string;
  note?: string;
}

export interface ControlChange {
  from: string;
  faction: string;
  source: string;
  note?: string;
  disputed?: ControlClaim[];
}

/** A spell when a place was contested: fighting inside it, or sources saying it is divided. */
export interface ContestedSpell {
  from: string;
  /** Exclusive; absent = open-ended. */
  to?: string;
  /** Ids of the factions fighting over it (two or more). */
  factions: string[];
  source: string;
  note?: string;
}

export interface PlaceProps {
  name: string;
  name_ar: string;
  aliases: string[];
  kind: string;
  control: ControlChange[];
  /** Where the position comes from. */
  source: string;
  precision?: Precision;
  /** Radius of uncertainty in metres, for approximate positions. */
  uncertainty_m?: number;
  contested?: ContestedSpell[];
  note?: string;
}

export interface ReportProps {
  reported_at: string;
  occurred_at?: string;
  title: string;
  text: string;
  text_en?: string;
  lang: string;
  source_url: string;
  status: ReportStatus;
  /** Id of a category in categories.ts (ACLED sub-event types). */
  category: string;
  /** Outlet name; when absent, the host of source_url stands for it. */
  source_name?: string;
  post?: string;
  translator?: string;
  place?: string;
  /** Places the report names that no gazetteer or source can position (search finds them). */
  unplaced_names?: string[];
  precision?: Precision;
  /** Radius of uncertainty of the pin, metres, for approximate pins. */
  uncertainty_m?: number;
  /** Deaths the source reports. */
  fatalities?: number;
}

export interface Feature<G, P> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: P;
}

export type Zone = Feature<Polygon | MultiPolygon, ZoneProps>;
export type Front = Feature<LineString | MultiLineString, FrontProps>;
export type Place = Feature<Point, PlaceProps>;
export type Report = Feature<Point, ReportProps>;

/** A loaded dataset: only features that passed validation. */
export interface Dataset {
  manifest: Manifest;
  /** URL the manifest was loaded from; layer paths resolve against it. */
  baseUrl: string;
  posts: Post[];
  zones: Zone[];
  /** Front lines; empty when the dataset lists no fronts layer. */
  fronts: Front[];
  places: Place[];
  reports: Report[];
}
