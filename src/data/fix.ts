/**
 * Mechanical fixes (`npm run validate -- --fix`): rings rewound to the right-hand rule,
 * coordinates rounded to 6 decimals (about 0.1 m), keys in the contract's order, and the
 * project's one JSON layout. Fixing a fixed file changes nothing (byte-stable).
 */
import booleanClockwise from '@turf/boolean-clockwise';
import { type Json, stringifyData } from './format-json';
import {
  PLACE_FIELDS,
  REPORT_FIELDS,
  ZONE_FIELDS,
  CONTROL_FIELDS,
  FRONT_FIELDS,
  type Fields,
} from './schema';
import type { LayerKind } from './types';

export const FIX_DECIMALS = 6;
const round = (n: number) => Math.round(n * 10 ** FIX_DECIMALS) / 10 ** FIX_DECIMALS + 0;
const FIELDS: Record<LayerKind, Fields> = {
  zones: ZONE_FIELDS,
  fronts: FRONT_FIELDS,
  places: PLACE_FIELDS,
  reports: REPORT_FIELDS,
};

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys listed in `order` first, in that order; any others after, sorted. */
function ordered(obj: Obj, order: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj).sort()) if (!(k in out)) out[k] = obj[k];
  return out;
}

function fixRing(ring: Json, exterior: boolean): Json {
  if (
    !Array.isArray(ring) ||
    !ring.every((p) => Array.isArray(p) && p.every((n) => typeof n === 'number'))
  )
    return ring;
  const r = (ring as number[][]).map((p) => p.map(round));
  return r.length >= 4 && booleanClockwise(r) === exterior ? r.reverse() : r;
}

function fixGeometry(g: Json): Json {
  if (!isObj(g)) return g;
  const c = g.coordinates;
  let coordinates = c;
  if (g.type === 'Point' && Array.isArray(c) && c.every((n) => typeof n === 'number'))
    coordinates = (c as number[]).map(round);
  if (g.type === 'Polygon' && Array.isArray(c))
    coordinates = c.map((ring, i) => fixRing(ring, i === 0));
  if (g.type === 'MultiPolygon' && Array.isArray(c))
    coordinates = c.map((poly) =>
      Array.isArray(poly) ? poly.map((ring, i) => fixRing(ring, i === 0)) : poly,
    );
  return ordered({ ...g, coordinates }, ['type', 'coordinates']);
}

function fixFeature(f: Json, kind: LayerKind): Json {
  if (!isObj(f)) return f;
  let properties = f.properties;
  if (isObj(properties)) {
    properties = ordered(properties, Object.keys(FIELDS[kind]));
    if (kind === 'places' && Array.isArray(properties.control))
      properties.control = properties.control.map((c) =>
        isObj(c) ? ordered(c, Object.keys(CONTROL_FIELDS)) : c,
      );
  }
  return ordered({ ...f, geometry: fixGeometry(f.geometry), properties }, [
    '$schema',
    'type',
    'id',
    'geometry',
    'properties',
  ]);
}

/** Returns the fixed text of a layer file (FeatureCollection or single Feature) already parsed. */
export function fixLayer(value: Json, kind: LayerKind): string {
  if (isObj(value) && value.type === 'FeatureCollection' && Array.isArray(value.features))
    return stringifyData(
      ordered({ ...value, features: value.features.map((f) => fixFeature(f, kind)) }, [
        '$schema',
        'type',
        'features',
      ]),
    );
  return stringifyData(fixFeature(value, kind));
}
