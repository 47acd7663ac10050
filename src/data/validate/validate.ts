/**
 * Every data rule, returning located problems. Used by the CLI (scripts/validate.ts), the app's
 * loader and the tests: one copy of the rules.
 */
import { isFeature } from 'geojson-validation';
import { parseIsoTime } from '../../lib/time';
import type { Problem } from '../problems';
import {
  PLACE_FIELDS,
  POST_FIELDS,
  REPORT_FIELDS,
  ZONE_FIELDS,
  FRONT_FIELDS,
  type Fields,
} from '../schema';
import type { Front, LayerKind, LonLat, Manifest, Place, Post, Report, Zone } from '../types';
import { checkFields, type Where } from './validate-fields';
import { checkGeometry } from './validate-geometry';
import { checkManifest } from './validate-manifest';

export { checkManifest };

/** What cross-file rules need to know. */
export interface ValidationContext {
  factionIds: ReadonlySet<string>;
  postIds: ReadonlySet<string>;
  bounds: [LonLat, LonLat];
  /**
   * Run the topology rules (self-intersections, overlapping zones)? They cost time (a sweep per
   * polygon, clipping per zone pair): CLI and CI run them, the app's loader not (default true).
   */
  topology?: boolean;
}

export function contextOf(manifest: Manifest, posts: readonly Post[]): ValidationContext {
  return {
    factionIds: new Set(manifest.factions.map((f) => f.id)),
    postIds: new Set(posts.map((p) => p.id)),
    bounds: manifest.default_view.bounds,
  };
}

const GEOMETRY_FOR: Record<LayerKind, readonly string[]> = {
  zones: ['Polygon', 'MultiPolygon'],
  fronts: ['LineString', 'MultiLineString'],
  places: ['Point'],
  reports: ['Point'],
};
const FIELDS_FOR: Record<LayerKind, Fields> = {
  zones: ZONE_FIELDS,
  fronts: FRONT_FIELDS,
  places: PLACE_FIELDS,
  reports: REPORT_FIELDS,
};

type FeatureOf = { zones: Zone; fronts: Front; places: Place; reports: Report };

export interface LayerResult<K extends LayerKind> {
  features: FeatureOf[K][];
  problems: Problem[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first position of a geometry's coordinates outside [w, s, e, n], if any. Searched in
 * place: collecting every position first cost most of a 24 MB zones file's validation. */
function firstOutside(c: unknown, w: number, s: number, e: number, n: number): number[] | null {
  if (!Array.isArray(c)) return null;
  if (typeof c[0] === 'number') {
    const [lon, lat] = c as number[];
    return lon < w || lon > e || lat < s || lat > n ? (c as number[]) : null;
  }
  for (const x of c) {
    const found = firstOutside(x, w, s, e, n);
    if (found) return found;
  }
  return null;
}

/** Rules that relate a feature's properties to each other and to the rest of the dataset. */
function checkCrossRules(
  kind: LayerKind,
  f: Record<string, unknown>,
  props: Record<string, unknown>,
  where: Where,
  ctx: ValidationContext,
): Problem[] {
  const out: Problem[] = [];
  const err = (property: string, message: string, fix: string) =>
    out.push({ severity: 'error', ...where, property, message, fix });
  const knownFaction = (property: string, id: unknown) => {
    if (typeof id === 'string' && !ctx.factionIds.has(id))
      err(
        property,
        `names faction "${id}", which the manifest does not define`,
        `use one of ${[...ctx.factionIds].join(', ')}`,
      );
  };
  const contestants = (property: string, ids: unknown) => {
    if (!Array.isArray(ids)) return;
    ids.forEach((id, i) => {
      knownFaction(`${property}[${i}]`, id);
    });
    if (new Set(ids).size < 2)
      err(
        property,
        'names fewer than two different factions',
        'list every faction fighting over it, e.g. ["rebel", "regime"]',
      );
  };
  if (kind === 'fronts') contestants('factions', props.factions);
  if (kind === 'zones' || kind === 'fronts') {
    if (kind === 'zones') knownFaction('faction', props.faction);
    contestants('contested', props.contested);
    const t0 = parseIsoTime(props.valid_from);
    const t1 = parseIsoTime(props.valid_to);
    if (t0 !== null && t1 !== null && t1 <= t0)
      err(
        'valid_to',
        'is not after valid_from',
        'valid_to is exclusive and must be later than valid_from',
      );
  }
  if (kind === 'places' && Array.isArray(props.control)) {
    props.control.forEach((c, i) => {
      if (!isObject(c)) return;
      knownFaction(`control[${i}].faction`, c.faction);
      if (Array.isArray(c.disputed))
        c.disputed.forEach((d, j) => {
          if (isObject(d)) knownFaction(`control[${i}].disputed[${j}].faction`, d.faction);
        });
    });
  }
  if (kind === 'places' && Array.isArray(props.contested)) {
    props.contested.forEach((c, i) => {
      if (!isObject(c)) return;
      contestants(`contested[${i}].factions`, c.factions);
      const t0 = parseIsoTime(c.from);
      const t1 = parseIsoTime(c.to);
      if (t0 !== null && t1 !== null && t1 <= t0)
        err(
          `contested[${i}].to`,
          'is not after from',
          'to is exclusive and must be later than from',
        );
    });
  }
  if (kind === 'reports') {
    const reported = parseIsoTime(props.reported_at);
    const occurred = parseIsoTime(props.occurred_at);
    if (reported !== null && occurred !== null && occurred > reported)
      err(
        'occurred_at',
        'is after reported_at',
        'an event cannot be reported before it happens; check both times',
      );
    if (typeof props.post === 'string' && !ctx.postIds.has(props.post))
      err(
        'post',
        `names post "${props.post}", which the posts file does not list`,
        'use the id of a listed post, or leave post out',
      );
  }
  const geometry = f.geometry as { type: string; coordinates: unknown };
  const [[w, s], [e, n]] = ctx.bounds;
  const outside = firstOutside(geometry.coordinates, w, s, e, n);
  if (outside)
    out.push({
      severity: 'error',
      ...where,
      property: 'geometry',
      message: `position [${outside.join(', ')}] lies outside the dataset's bounds`,
      fix: 'check that longitude comes first, then latitude',
    });
  return out;
}

/**
 * geojson-validation's messages for a feature. It recurses into GeometryCollections, so a
 * hostile nesting depth overflows the stack: that becomes a problem, not an exception.
 */
function genericFeatureProblems(f: Record<string, unknown>): string[] {
  try {
    // A missing or bad properties member is reported by our own rule, with a better label.
    return isFeature(f, true).filter((m) => !m.includes('"properties"'));
  } catch (e) {
    if (e instanceof RangeError) return ['the geometry is nested too deeply to check'];
    throw e;
  }
}

/** Size limits: a whole layer file, and a single-report file (data/reports/...). */
export const MAX_LAYER_BYTES = 50_000_000;
export const MAX_SINGLE_FEATURE_BYTES = 1_000_000;

/** Validates one feature (at `index` in its file); returns its problems. */
function validateFeature(
  kind: LayerKind,
  f: unknown,
  index: number,
  file: string,
  seen: Set<string>,
  ctx: ValidationContext,
): Problem[] {
  const label =
    isObject(f) && (typeof f.id === 'string' || typeof f.id === 'number')
      ? String(f.id)
      : `#${index}`;
  const where: Where = { file, featureId: label, featureIndex: index };
  const mine: Problem[] = [];
  if (!isObject(f) || f.type !== 'Feature')
    return [
      {
        severity: 'error',
        ...where,
        message: 'is not a GeoJSON Feature object',
        fix: 'each entry must be {"type": "Feature", "id": ..., "geometry": ..., "properties": ...}',
      },
    ];
  if (typeof f.id !== 'string' || f.id.trim() === '')
    mine.push({
      severity: 'error',
      ...where,
      property: 'id',
      message: 'feature has no string id',
      fix: 'add "id": "a-unique-slug" beside "type"',
    });
  else if (seen.has(f.id))
    mine.push({
      severity: 'error',
      ...where,
      property: 'id',
      message: 'is used by another feature in this file',
      fix: 'give each feature its own id',
    });
  else seen.add(f.id);
  const geometryProblems = checkGeometry(f, where, ctx.topology !== false);
  mine.push(...geometryProblems);
  if (!geometryProblems.some((p) => p.severity === 'error')) {
    // What our rules do not cover (bbox members, stray types) the generic checker still catches.
    for (const message of genericFeatureProblems(f))
      mine.push({
        severity: 'error',
        ...where,
        property: 'geometry',
        message: `GeoJSON: ${message}`,
        fix: 'see RFC 7946',
      });
    const type = (f.geometry as { type?: unknown }).type;
    if (!GEOMETRY_FOR[kind].includes(String(type)))
      mine.push({
        severity: 'error',
        ...where,
        property: 'geometry',
        message: `is ${String(type)}; a ${kind} feature must be ${GEOMETRY_FOR[kind].join(' or ')}`,
        fix: 'fix the geometry type',
      });
  }
  const props = isObject(f.properties) ? f.properties : null;
  if (!props)
    mine.push({
      severity: 'error',
      ...where,
      property: 'properties',
      message: 'is missing',
      fix: 'add a properties object',
    });
  else {
    mine.push(...checkFields(props, FIELDS_FOR[kind], where));
    if (!mine.some((p) => p.severity === 'error'))
      mine.push(...checkCrossRules(kind, f, props, where, ctx));
  }
  return mine;
}

/**
 * Validates a parsed layer file of the given kind: a FeatureCollection, or a single Feature
 * (one report per file). Returns the features that passed and every problem found. Never throws.
 */
export function validateLayer<K extends LayerKind>(
  kind: K,
  raw: unknown,
  file: string,
  ctx: ValidationContext,
): LayerResult<K> {
  const problems: Problem[] = [];
  const features: FeatureOf[K][] = [];
  const list =
    isObject(raw) && raw.type === 'Feature'
      ? [raw]
      : isObject(raw) && raw.type === 'FeatureCollection' && Array.isArray(raw.features)
        ? raw.features
        : null;
  if (!list) {
    problems.push({
      severity: 'error',
      file,
      message: 'is neither a GeoJSON FeatureCollection nor a Feature',
      fix: 'the file must be {"type": "FeatureCollection", "features": [...]} or one {"type": "Feature", ...}',
    });
    return { features, problems };
  }
  if (isObject(raw) && 'crs' in raw && raw.type === 'FeatureCollection')
    problems.push({
      severity: 'error',
      file,
      property: 'crs',
      message: 'is not allowed: RFC 7946 removed "crs" (coordinates are always WGS 84)',
      fix: 'delete the "crs" member',
    });
  const seen = new Set<string>();
  list.forEach((f: unknown, index: number) => {
    const mine = validateFeature(kind, f, index, file, seen, ctx);
    problems.push(...mine);
    if (!mine.some((p) => p.severity === 'error')) features.push(f as FeatureOf[K]);
  });
  return { features, problems };
}

/** Validates a parsed posts file: {"posts": [...]}. Returns the posts that passed. */
export function validatePosts(raw: unknown, file: string): { posts: Post[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const posts: Post[] = [];
  if (!isObject(raw) || !Array.isArray(raw.posts)) {
    problems.push({
      severity: 'error',
      file,
      message: 'is not a posts file',
      fix: 'the file must be {"posts": [...]}',
    });
    return { posts, problems };
  }
  const seen = new Set<string>();
  raw.posts.forEach((p: unknown, i: number) => {
    const where: Where = {
      file,
      featureId: isObject(p) && typeof p.id === 'string' ? p.id : `#${i}`,
    };
    if (!isObject(p)) {
      problems.push({
        severity: 'error',
        ...where,
        message: 'is not an object',
        fix: 'each post is {"id", "published_at", "title", "url"}',
      });
      return;
    }
    const mine = checkFields(p, POST_FIELDS, where);
    if (typeof p.id === 'string' && seen.has(p.id))
      mine.push({
        severity: 'error',
        ...where,
        property: 'id',
        message: 'is used by another post',
        fix: 'give each post its own id',
      });
    if (typeof p.id === 'string') seen.add(p.id);
    problems.push(...mine);
    if (!mine.some((x) => x.severity === 'error')) posts.push(p as unknown as Post);
  });
  return { posts, problems };
}
