/**
 * Every data rule, returning located problems. Used by the CLI (scripts/validate.ts), the app's
 * loader and the tests: one copy of the rules.
 */
import { isFeature } from 'geojson-validation';
import { type ParseError, parse as parseTolerant, printParseErrorCode } from 'jsonc-parser';
import { parseIsoTime } from '../lib/time';
import type { Problem } from './problems';
import { PLACE_FIELDS, POST_FIELDS, REPORT_FIELDS, ZONE_FIELDS, type Fields } from './schema';
import type { LayerKind, LonLat, Manifest, Place, Post, Report, Zone } from './types';
import { checkFields, type Where } from './validate-fields';
import { checkManifest } from './validate-manifest';

export { checkManifest };

/** What cross-file rules need to know. */
export interface ValidationContext {
  factionIds: ReadonlySet<string>;
  postIds: ReadonlySet<string>;
  bounds: [LonLat, LonLat];
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
  places: ['Point'],
  reports: ['Point'],
};
const FIELDS_FOR: Record<LayerKind, Fields> = {
  zones: ZONE_FIELDS,
  places: PLACE_FIELDS,
  reports: REPORT_FIELDS,
};

type FeatureOf = { zones: Zone; places: Place; reports: Report };

export interface LayerResult<K extends LayerKind> {
  features: FeatureOf[K][];
  problems: Problem[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positionsOf(geometry: { type: string; coordinates: unknown }): number[][] {
  const out: number[][] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
  return out;
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
  if (kind === 'zones') {
    knownFaction('faction', props.faction);
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
      if (isObject(c)) knownFaction(`control[${i}].faction`, c.faction);
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
  const outside = positionsOf(geometry).find(
    ([lon, lat]) => lon < w || lon > e || lat < s || lat > n,
  );
  if (outside)
    out.push({
      severity: 'warning',
      ...where,
      property: 'geometry',
      message: `position [${outside.join(', ')}] lies outside the dataset's bounds`,
      fix: 'check that longitude comes first, then latitude',
    });
  return out;
}

/**
 * Validates a parsed layer file of the given kind. Returns the features that passed (with
 * their ids) and every problem found. Never throws.
 */
export function validateLayer<K extends LayerKind>(
  kind: K,
  raw: unknown,
  file: string,
  ctx: ValidationContext,
): LayerResult<K> {
  const problems: Problem[] = [];
  const features: FeatureOf[K][] = [];
  if (!isObject(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
    problems.push({
      severity: 'error',
      file,
      message: 'is not a GeoJSON FeatureCollection',
      fix: 'the file must be {"type": "FeatureCollection", "features": [...]}',
    });
    return { features, problems };
  }
  const seen = new Set<string>();
  raw.features.forEach((f: unknown, index: number) => {
    const label =
      isObject(f) && (typeof f.id === 'string' || typeof f.id === 'number')
        ? String(f.id)
        : `#${index}`;
    const where: Where = { file, featureId: label };
    const mine: Problem[] = [];
    if (!isObject(f)) {
      problems.push({
        severity: 'error',
        ...where,
        message: 'is not a GeoJSON Feature object',
        fix: 'each entry of features must be {"type": "Feature", ...}',
      });
      return;
    }
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
    const structural = isFeature(f, true);
    for (const message of structural)
      mine.push({
        severity: 'error',
        ...where,
        property: 'geometry',
        message: `GeoJSON: ${message}`,
        fix: 'see RFC 7946',
      });
    const geometry = f.geometry as { type?: string } | null;
    if (structural.length === 0 && !GEOMETRY_FOR[kind].includes(String(geometry?.type)))
      mine.push({
        severity: 'error',
        ...where,
        property: 'geometry',
        message: `is ${geometry?.type ?? 'null'}; a ${kind} feature must be ${GEOMETRY_FOR[kind].join(' or ')}`,
        fix: 'fix the geometry type',
      });
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
    problems.push(...mine);
    if (!mine.some((p) => p.severity === 'error')) features.push(f as unknown as FeatureOf[K]);
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

/**
 * Parses JSON text, turning a syntax error into a located problem. JSON.parse decides (fast and
 * strict); on failure jsonc-parser finds where, since engines' messages rarely carry a position.
 */
export function parseJson(text: string, file: string): { value: unknown; problems: Problem[] } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body), problems: [] };
  } catch (e) {
    const errors: ParseError[] = [];
    parseTolerant(body, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
    const first = errors[0];
    let line: number | undefined;
    let column: number | undefined;
    let what = e instanceof Error ? e.message : String(e);
    if (first) {
      const before = body.slice(0, first.offset);
      line = before.split('\n').length;
      column = first.offset - before.lastIndexOf('\n');
      what = printParseErrorCode(first.error);
    }
    return {
      value: undefined,
      problems: [
        {
          severity: 'error',
          file,
          line,
          column,
          message: `is not valid JSON (${what})`,
          fix: 'fix the syntax at the given line and column',
        },
      ],
    };
  }
}
