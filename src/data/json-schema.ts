/**
 * JSON Schema (draft 2020-12) for every data file kind, generated from the field specs in
 * schema.ts so the two never drift. scripts/build-schema.ts writes them to data/schema/, and a
 * unit test fails when the committed files differ from what this module generates.
 */
import type { Json } from './format-json';
import { ISO_WITH_ZONE } from '../lib/time';
import {
  CLAIM_FIELDS,
  CONTESTED_FIELDS,
  CONTROL_FIELDS,
  FRONT_FIELDS,
  type FieldSpec,
  type Fields,
  PLACE_FIELDS,
  POST_FIELDS,
  REPORT_FIELDS,
  ZONE_FIELDS,
} from './schema';

const BASE = 'https://conflict-map.invalid/schema/';

function field(spec: FieldSpec): Json {
  const doc = { description: spec.doc };
  switch (spec.type) {
    case 'string':
      return {
        ...doc,
        type: 'string',
        minLength: 1,
        ...(spec.maxLength ? { maxLength: spec.maxLength } : {}),
      };
    case 'number':
      return { ...doc, type: 'number', ...(spec.min !== undefined ? { minimum: spec.min } : {}) };
    case 'string-list':
      return { ...doc, type: 'array', items: { type: 'string' } };
    case 'time':
      return { ...doc, type: 'string', format: 'date-time', pattern: ISO_WITH_ZONE.source };
    case 'url':
      return { ...doc, type: 'string', format: 'uri', pattern: '^https?://' };
    case 'enum':
      return { ...doc, enum: [...(spec.values ?? [])] };
    case 'claim-list':
      return { ...doc, type: 'array', minItems: 1, items: object(CLAIM_FIELDS) };
    case 'control-list':
      return { ...doc, type: 'array', minItems: 1, items: object(CONTROL_FIELDS) };
    case 'contested-list':
      return { ...doc, type: 'array', minItems: 1, items: object(CONTESTED_FIELDS) };
  }
}

function object(fields: Fields): Json {
  return {
    type: 'object',
    required: Object.entries(fields)
      .filter(([, f]) => f.required)
      .map(([k]) => k),
    properties: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, field(f)])),
  };
}

const position: Json = {
  type: 'array',
  minItems: 2,
  maxItems: 3,
  prefixItems: [
    { type: 'number', minimum: -180, maximum: 180 },
    { type: 'number', minimum: -90, maximum: 90 },
  ],
  items: { type: 'number' },
};
const ring: Json = { type: 'array', minItems: 4, items: position };
const line: Json = { type: 'array', minItems: 2, items: position };
const lineString: Json = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { const: 'LineString' }, coordinates: line },
};
const multiLineString: Json = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: {
    type: { const: 'MultiLineString' },
    coordinates: { type: 'array', minItems: 1, items: line },
  },
};
const point: Json = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { const: 'Point' }, coordinates: position },
};
const polygon: Json = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: {
    type: { const: 'Polygon' },
    coordinates: { type: 'array', minItems: 1, items: ring },
  },
};
const multiPolygon: Json = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: {
    type: { const: 'MultiPolygon' },
    coordinates: { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, items: ring } },
  },
};

function feature(geometry: Json, fields: Fields): Json {
  return {
    type: 'object',
    required: ['type', 'id', 'geometry', 'properties'],
    properties: {
      $schema: { type: 'string' },
      type: { const: 'Feature' },
      id: {
        type: 'string',
        minLength: 1,
        description: 'unique across the dataset; for a report, the file name without .geojson',
      },
      geometry,
      properties: object(fields),
    },
    not: { required: ['crs'] },
  };
}

function collection(title: string, item: Json): Json {
  return {
    title,
    type: 'object',
    required: ['type', 'features'],
    properties: {
      $schema: { type: 'string' },
      type: { const: 'FeatureCollection' },
      features: { type: 'array', items: item },
    },
    not: { required: ['crs'] },
  };
}

const withMeta = (name: string, body: Json): Json => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}${name}`,
  ...(body as Record<string, Json>),
});

/** File name -> schema, for every kind of data file. */
export function buildJsonSchemas(): Record<string, Json> {
  const report = feature(point, REPORT_FIELDS);
  return {
    'report.schema.json': withMeta('report.schema.json', {
      title: 'One report pin (data/reports/<yyyy>/<yyyy-mm-dd>-<slug>.geojson)',
      ...(report as Record<string, Json>),
    }),
    'reports.schema.json': withMeta(
      'reports.schema.json',
      collection('A collection of report pins', report),
    ),
    'places.schema.json': withMeta(
      'places.schema.json',
      collection('Frontline places with their control history', feature(point, PLACE_FIELDS)),
    ),
    'zones.schema.json': withMeta(
      'zones.schema.json',
      collection(
        'Control zones with validity intervals',
        feature({ oneOf: [polygon, multiPolygon] }, ZONE_FIELDS),
      ),
    ),
    'fronts.schema.json': withMeta(
      'fronts.schema.json',
      collection(
        'Front lines with validity intervals',
        feature({ oneOf: [lineString, multiLineString] }, FRONT_FIELDS),
      ),
    ),
    'posts.schema.json': withMeta('posts.schema.json', {
      title: 'Dated posts of the blog',
      type: 'object',
      required: ['posts'],
      properties: {
        $schema: { type: 'string' },
        posts: { type: 'array', items: object(POST_FIELDS) },
      },
    }),
    'dataset.schema.json': withMeta('dataset.schema.json', manifestSchema()),
  };
}

/** The manifest's schema, written to match src/data/validate/validate-manifest.ts. */
function manifestSchema(): Json {
  const lonLat: Json = {
    type: 'array',
    prefixItems: [
      { type: 'number', minimum: -180, maximum: 180 },
      { type: 'number', minimum: -90, maximum: 90 },
    ],
    minItems: 2,
    maxItems: 2,
  };
  const time: Json = { type: 'string', format: 'date-time', pattern: ISO_WITH_ZONE.source };
  return {
    title: 'Dataset manifest (data/dataset.json)',
    type: 'object',
    required: [
      'title',
      'description',
      'time_range',
      'default_view',
      'factions',
      'posts',
      'layers',
      'basemap',
      'attribution',
      'sources',
    ],
    properties: {
      $schema: { type: 'string' },
      title: { type: 'string', minLength: 1 },
      description: { type: 'string', minLength: 1 },
      time_range: {
        type: 'object',
        required: ['start', 'end'],
        properties: { start: time, end: time },
      },
      default_view: {
        type: 'object',
        required: ['center', 'zoom', 'bounds'],
        properties: {
          center: lonLat,
          zoom: { type: 'number' },
          bounds: { type: 'array', items: lonLat, minItems: 2, maxItems: 2 },
        },
      },
      factions: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['id', 'label', 'color'],
          properties: {
            id: { type: 'string' },
            label: { type: 'string' },
            color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
          },
        },
      },
      posts: { type: 'string', minLength: 1 },
      layers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'kind', 'title', 'path'],
          properties: {
            id: { type: 'string' },
            kind: { enum: ['zones', 'fronts', 'places', 'reports'] },
            title: { type: 'string' },
            path: {
              type: 'string',
              description: 'a file, or a folder ending in / (one feature per file)',
            },
          },
        },
      },
      basemap: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'path'],
          properties: {
            kind: { enum: ['land', 'admin', 'lakes', 'rivers', 'borders', 'coast', 'towns'] },
            path: { type: 'string' },
          },
        },
      },
      attribution: { type: 'string', minLength: 1 },
      sources: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['name', 'license'],
          properties: {
            name: { type: 'string' },
            license: { type: 'string' },
            url: { type: 'string' },
            used_for: { type: 'string' },
          },
        },
      },
    },
  };
}
