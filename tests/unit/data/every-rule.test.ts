/**
 * A negative case for every rule of the validator and every cross-file check: each case breaks
 * one thing in an otherwise valid input and expects that rule's message (and no other error).
 * The last test reads the validator's source with the TypeScript parser, collects every
 * problem message it can emit, and fails if one of them is produced by no case here or in
 * tests/fixtures/bad: a new rule without a negative test fails the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import area from '@turf/area';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseFolderIndex } from '../../../src/data/load/folder-index';
import { loadDataset } from '../../../src/data/load/load';
import type { Problem } from '../../../src/data/problems';
import type { LayerKind, Zone } from '../../../src/data/types';
import {
  checkManifest,
  MAX_LAYER_BYTES,
  MAX_SINGLE_FEATURE_BYTES,
  type ValidationContext,
  validateLayer,
  validatePosts,
} from '../../../src/data/validate/validate';
import { checkUniqueIds } from '../../../src/data/validate/validate-dataset';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import {
  checkZoneOverlaps,
  OVERLAP_TOLERANCE_M2,
} from '../../../src/data/validate/validate-topology';

/** Every message any case below produced (the completeness check reads it). */
const produced = new Set<string>();
const note = (problems: Problem[]) => {
  for (const p of problems) produced.add(p.message);
  return problems;
};

const ctx: ValidationContext = {
  factionIds: new Set(['regime', 'rebel', 'isis']),
  postIds: new Set(['p1']),
  bounds: [
    [32, 29],
    [48.5, 39.5],
  ],
};
const square = (x = 37, y = 36, d = 0.1) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const GOOD: Record<LayerKind, Record<string, unknown>> = {
  reports: {
    type: 'Feature',
    id: 'r',
    geometry: { type: 'Point', coordinates: [37.1, 36.1] },
    properties: {
      reported_at: '2015-10-23T23:34:00Z',
      title: 'T',
      text: 'x',
      lang: 'en',
      source_url: 'https://example.org/',
      status: 'unconfirmed',
      category: 'armed-clash',
      post: 'p1',
    },
  },
  zones: {
    type: 'Feature',
    id: 'z',
    geometry: { type: 'Polygon', coordinates: square() },
    properties: {
      faction: 'rebel',
      valid_from: '2015-10-01T00:00:00Z',
      source: 's',
      precision: 'exact',
    },
  },
  fronts: {
    type: 'Feature',
    id: 'f',
    geometry: {
      type: 'LineString',
      coordinates: [
        [37, 36],
        [37.1, 36.1],
      ],
    },
    properties: {
      factions: ['rebel', 'regime'],
      valid_from: '2015-10-01T00:00:00Z',
      source: 's',
      precision: 'approximate',
    },
  },
  places: {
    type: 'Feature',
    id: 'p',
    geometry: { type: 'Point', coordinates: [37, 36] },
    properties: {
      name: 'P',
      name_ar: 'ب',
      aliases: [],
      kind: 'village',
      source: 's',
      control: [{ from: '2015-10-01T00:00:00Z', faction: 'rebel', source: 's' }],
    },
  },
};

/** The good feature of `kind` with `props` merged into (or, when undefined, removed from) its
 * properties, and `top` merged into the feature itself. */
function variant(
  kind: LayerKind,
  props: Record<string, unknown>,
  top: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = structuredClone(GOOD[kind]);
  const p = { ...(base.properties as Record<string, unknown>), ...props };
  for (const [k, v] of Object.entries(props)) if (v === undefined) delete p[k];
  return { ...base, properties: p, ...top };
}

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('the good features pass', () => {
  it.each(Object.keys(GOOD) as LayerKind[])('a valid %s feature has no problem', (kind) => {
    const r = validateLayer(kind, GOOD[kind], 'f.geojson', ctx);
    expect(r.problems).toEqual([]);
    expect(r.features).toHaveLength(1);
  });
});

type Case = [
  name: string,
  kind: LayerKind,
  feature: unknown,
  property: string | undefined,
  message: RegExp,
  severity?: 'warning',
];
const long = (n: number) => 'x'.repeat(n);

const FEATURE_CASES: Case[] = [
  // One feature's shape.
  [
    'not a Feature',
    'reports',
    { type: 'FeatureCollection', features: [{ type: 'Point' }] },
    undefined,
    /^is not a GeoJSON Feature object$/,
  ],
  ['no id', 'reports', variant('reports', {}, { id: undefined }), 'id', /no string id/],
  ['blank id', 'reports', variant('reports', {}, { id: '  ' }), 'id', /no string id/],
  [
    'properties missing',
    'reports',
    variant('reports', {}, { properties: null }),
    'properties',
    /^is missing$/,
  ],
  [
    'wrong geometry type for the kind',
    'zones',
    variant('zones', {}, { geometry: { type: 'Point', coordinates: [37, 36] } }),
    'geometry',
    /^is Point; a zones feature must be Polygon or MultiPolygon$/,
  ],
  [
    'geometry missing',
    'reports',
    variant('reports', {}, { geometry: null }),
    'geometry',
    /is missing or not an object/,
  ],
  [
    'crs on the feature',
    'reports',
    variant('reports', {}, { crs: {} }),
    'geometry',
    /"crs" member/,
  ],
  [
    'bbox of the wrong length (generic GeoJSON check)',
    'reports',
    variant('reports', {}, { bbox: [1, 2, 3] }),
    'geometry',
    /^GeoJSON: /,
  ],
  // Positions, rings, lines.
  [
    'position not a list',
    'reports',
    variant('reports', {}, { geometry: { type: 'Point', coordinates: 5 } }),
    'geometry',
    /is not a position/,
  ],
  [
    'ring not a list',
    'zones',
    variant('zones', {}, { geometry: { type: 'Polygon', coordinates: [5] } }),
    'geometry',
    /is not a ring/,
  ],
  [
    'polygon not a list of rings',
    'zones',
    variant('zones', {}, { geometry: { type: 'Polygon', coordinates: 5 } }),
    'geometry',
    /is not a polygon/,
  ],
  [
    'multipolygon empty',
    'zones',
    variant('zones', {}, { geometry: { type: 'MultiPolygon', coordinates: [] } }),
    'geometry',
    /not a list of polygons/,
  ],
  [
    'line of one position',
    'fronts',
    variant('fronts', {}, { geometry: { type: 'LineString', coordinates: [[37, 36]] } }),
    'geometry',
    /is not a line/,
  ],
  [
    'multiline empty',
    'fronts',
    variant('fronts', {}, { geometry: { type: 'MultiLineString', coordinates: [] } }),
    'geometry',
    /not a list of lines/,
  ],
  [
    'line position out of range',
    'fronts',
    variant(
      'fronts',
      {},
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [37, 36],
            [37, 91],
          ],
        },
      },
    ),
    'geometry',
    /latitude 91 is outside/,
  ],
  [
    'outer ring clockwise (warning)',
    'zones',
    variant(
      'zones',
      {},
      { geometry: { type: 'Polygon', coordinates: [[...square()[0]].reverse()] } },
    ),
    'geometry',
    /does not follow the right-hand rule/,
    'warning',
  ],
  [
    'outside the bounds',
    'reports',
    variant('reports', {}, { geometry: { type: 'Point', coordinates: [31, 36] } }),
    'geometry',
    /^position \[31, 36\] lies outside the dataset's bounds$/,
  ],
  // Field types.
  [
    'string empty',
    'reports',
    variant('reports', { title: ' ' }),
    'title',
    /^must be a non-empty string$/,
  ],
  [
    'string too long',
    'reports',
    variant('reports', { title: long(201) }),
    'title',
    /^is 201 characters long$/,
  ],
  [
    'string at its longest is fine',
    'reports',
    variant('reports', { title: long(200), source_name: '' }),
    'source_name',
    /^must be a non-empty string$/,
  ],
  [
    'HTML in a string',
    'reports',
    variant('reports', { text: 'a <b>b</b>' }),
    'text',
    /^contains HTML markup$/,
  ],
  [
    'number not a number',
    'reports',
    variant('reports', { fatalities: '3' }),
    'fatalities',
    /^must be a number$/,
  ],
  [
    'number not finite',
    'places',
    variant('places', { uncertainty_m: Number.NaN }),
    'uncertainty_m',
    /^must be a number$/,
  ],
  [
    'number below its minimum',
    'reports',
    variant('reports', { fatalities: -1 }),
    'fatalities',
    /^must be at least 0$/,
  ],
  [
    'string list holding a number',
    'places',
    variant('places', { aliases: ['a', 1] }),
    'aliases',
    /^must be a list of strings$/,
  ],
  [
    'time without a zone',
    'reports',
    variant('reports', { reported_at: '2015-10-23T23:34:00' }),
    'reported_at',
    /^is not an ISO 8601 time with a zone \("2015-10-23T23:34:00"\)$/,
  ],
  [
    'url not http(s)',
    'reports',
    variant('reports', { source_url: 'ftp://example.org/' }),
    'source_url',
    /^must be an http\(s\) URL$/,
  ],
  [
    'url over http (warning)',
    'reports',
    variant('reports', { source_url: 'http://example.org/' }),
    'source_url',
    /^uses http, not https$/,
    'warning',
  ],
  [
    'enum value unknown',
    'reports',
    variant('reports', { category: 'battle' }),
    'category',
    /^must be one of armed-clash, /,
  ],
  [
    'required field missing',
    'reports',
    variant('reports', { lang: undefined }),
    'lang',
    /^is missing$/,
  ],
  [
    'unknown property (warning)',
    'reports',
    variant('reports', { titel: 'T' }),
    'titel',
    /^is not a known property$/,
    'warning',
  ],
  [
    '"toString" is not taken for a known field',
    'reports',
    variant('reports', { toString: 'x' }),
    'toString',
    /^is not a known property$/,
    'warning',
  ],
  // Values of another type than the field's (a hand-edited file, a converter's output).
  [
    'string given a number',
    'reports',
    variant('reports', { title: 5 }),
    'title',
    /^must be a non-empty string$/,
  ],
  [
    'enum given a number',
    'reports',
    variant('reports', { status: 1 }),
    'status',
    /^must be one of confirmed, /,
  ],
  ['required field null', 'reports', variant('reports', { lang: null }), 'lang', /^is missing$/],
  [
    'list entry a list',
    'places',
    variant('places', { control: [['rebel']] }),
    'control',
    /^entry 0 must be an object$/,
  ],
  // Lists of objects.
  [
    'control list empty',
    'places',
    variant('places', { control: [] }),
    'control',
    /^must be a non-empty list of \{from, faction, source\}$/,
  ],
  [
    'control entry not an object',
    'places',
    variant('places', { control: ['rebel'] }),
    'control',
    /^entry 0 must be an object$/,
  ],
  [
    'control entry without a source',
    'places',
    variant('places', { control: [{ from: '2015-10-01T00:00:00Z', faction: 'rebel' }] }),
    'control[0].source',
    /^is missing$/,
  ],
  [
    'disputed list empty',
    'places',
    variant('places', {
      control: [{ from: '2015-10-01T00:00:00Z', faction: 'rebel', source: 's', disputed: [] }],
    }),
    'control[0].disputed',
    /^must be a non-empty list of \{faction, source\}$/,
  ],
  [
    'contested list empty',
    'places',
    variant('places', { contested: [] }),
    'contested',
    /^must be a non-empty list of \{from, factions, source\}$/,
  ],
  // Rules across a feature's fields and the rest of the dataset.
  [
    'zone of an unknown faction',
    'zones',
    variant('zones', { faction: 'kurds' }),
    'faction',
    /^names faction "kurds", which the manifest does not define$/,
  ],
  [
    'zone valid_to equal to valid_from',
    'zones',
    variant('zones', { valid_to: '2015-10-01T00:00:00Z' }),
    'valid_to',
    /^is not after valid_from$/,
  ],
  [
    'zone contested by one faction',
    'zones',
    variant('zones', { contested: ['rebel'] }),
    'contested',
    /^names fewer than two different factions$/,
  ],
  [
    'zone contested by one faction named twice',
    'zones',
    variant('zones', { contested: ['rebel', 'rebel'] }),
    'contested',
    /^names fewer than two different factions$/,
  ],
  [
    'zone contested by an unknown faction',
    'zones',
    variant('zones', { contested: ['rebel', 'kurds'] }),
    'contested[1]',
    /^names faction "kurds"/,
  ],
  [
    'front between one faction',
    'fronts',
    variant('fronts', { factions: ['rebel'] }),
    'factions',
    /^names fewer than two different factions$/,
  ],
  [
    'front of an unknown faction',
    'fronts',
    variant('fronts', { factions: ['rebel', 'kurds'] }),
    'factions[1]',
    /^names faction "kurds"/,
  ],
  [
    'front ending before it starts',
    'fronts',
    variant('fronts', { valid_to: '2015-09-01T00:00:00Z' }),
    'valid_to',
    /^is not after valid_from$/,
  ],
  [
    'control by an unknown faction',
    'places',
    variant('places', {
      control: [{ from: '2015-10-01T00:00:00Z', faction: 'kurds', source: 's' }],
    }),
    'control[0].faction',
    /^names faction "kurds"/,
  ],
  [
    'a claim naming an unknown faction',
    'places',
    variant('places', {
      control: [
        {
          from: '2015-10-01T00:00:00Z',
          faction: 'rebel',
          source: 's',
          disputed: [{ faction: 'kurds', source: 's' }],
        },
      ],
    }),
    'control[0].disputed[0].faction',
    /^names faction "kurds"/,
  ],
  [
    'place contested by one faction',
    'places',
    variant('places', {
      contested: [{ from: '2015-10-01T00:00:00Z', factions: ['rebel'], source: 's' }],
    }),
    'contested[0].factions',
    /^names fewer than two different factions$/,
  ],
  [
    'place contested by an unknown faction',
    'places',
    variant('places', {
      contested: [{ from: '2015-10-01T00:00:00Z', factions: ['rebel', 'kurds'], source: 's' }],
    }),
    'contested[0].factions[1]',
    /^names faction "kurds"/,
  ],
  [
    'place contested spell ending as it starts',
    'places',
    variant('places', {
      contested: [
        {
          from: '2015-10-05T00:00:00Z',
          to: '2015-10-05T00:00:00Z',
          factions: ['rebel', 'regime'],
          source: 's',
        },
      ],
    }),
    'contested[0].to',
    /^is not after from$/,
  ],
  [
    'report happening after it was reported',
    'reports',
    variant('reports', { occurred_at: '2015-10-24T00:00:00Z' }),
    'occurred_at',
    /^is after reported_at$/,
  ],
  [
    'report of an unknown post',
    'reports',
    variant('reports', { post: 'p2' }),
    'post',
    /^names post "p2", which the posts file does not list$/,
  ],
];

describe('each rule of one feature, broken once', () => {
  it.each(FEATURE_CASES)('%s', (_name, kind, feature, property, message, severity) => {
    const r = validateLayer(kind, feature, 'f.geojson', ctx);
    note(r.problems);
    const want = expect.objectContaining({
      ...(property === undefined ? {} : { property }),
      message: expect.stringMatching(message),
    });
    if (severity === 'warning') {
      expect(errorsOf(r.problems)).toEqual([]);
      expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning' })]);
      expect(r.problems[0]).toEqual(want);
      expect(r.features).toHaveLength(1);
    } else {
      // Exactly this rule fails, and the feature is left out.
      expect(errorsOf(r.problems)).toEqual([want]);
      expect(r.features).toEqual([]);
    }
  });

  it('the same id twice in one file: the second is refused, the first kept', () => {
    const r = validateLayer(
      'reports',
      { type: 'FeatureCollection', features: [GOOD.reports, GOOD.reports] },
      'f.geojson',
      ctx,
    );
    expect(note(r.problems)).toEqual([
      expect.objectContaining({
        featureIndex: 1,
        property: 'id',
        message: 'is used by another feature in this file',
      }),
    ]);
    expect(r.features).toHaveLength(1);
  });

  it('a file that is neither a FeatureCollection nor a Feature, and crs on a collection', () => {
    expect(note(validateLayer('reports', { type: 'Topology' }, 'f', ctx).problems)).toEqual([
      expect.objectContaining({ message: 'is neither a GeoJSON FeatureCollection nor a Feature' }),
    ]);
    const crs = { type: 'FeatureCollection', crs: {}, features: [GOOD.reports] };
    expect(note(validateLayer('reports', crs, 'f', ctx).problems)).toEqual([
      expect.objectContaining({
        property: 'crs',
        message: expect.stringMatching(/^is not allowed/),
      }),
    ]);
  });
});

describe('whole files, as text', () => {
  const text = (kind: LayerKind, body: string) =>
    note(validateLayerText(kind, body, 'f', ctx).problems);
  it('empty, not JSON, a key twice, nested too deeply', () => {
    expect(text('reports', '  \n')).toEqual([expect.objectContaining({ message: 'is empty' })]);
    expect(text('reports', '{"type": "Feature",}')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^is not valid JSON: /), line: 1 }),
    ]);
    const twice = JSON.stringify(GOOD.reports).replace('"title":"T"', '"title":"T","title":"U"');
    expect(text('reports', twice)).toEqual([
      expect.objectContaining({
        property: 'title',
        message: 'appears twice in the same object; JSON keeps only the last',
      }),
    ]);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(text('reports', deep)).toContainEqual(
      expect.objectContaining({ message: 'is nested too deeply to check' }),
    );
  });

  it('a one-report file over 1 MB is refused; just under it is read', () => {
    const padded = (n: number) => {
      const s = JSON.stringify(variant('reports', { text: 'x' }));
      return s.replace('"text":"x"', `"text":"${'x'.repeat(n - s.length + 1)}"`);
    };
    const over = text('reports', padded(MAX_SINGLE_FEATURE_BYTES + 1));
    expect(over).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/one report file may hold at most 1\.0 MB$/),
      }),
    ]);
    const under = text('reports', padded(MAX_SINGLE_FEATURE_BYTES));
    expect(under.map((p) => p.message)).not.toContainEqual(expect.stringMatching(/at most/));
  });

  it('a layer file over 50 MB is refused before it is parsed', () => {
    const huge = ' '.repeat(MAX_LAYER_BYTES + 1);
    expect(text('zones', huge)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/over the 50\.0 MB limit for one file$/),
      }),
    ]);
  });
});

describe('the manifest, the posts file and folder indexes', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../fixtures/mini/dataset.json', import.meta.url), 'utf8'),
  );
  const broken = (patch: Record<string, unknown>) => {
    const m = { ...structuredClone(manifest), ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete m[k];
    const r = checkManifest(m, 'dataset.json');
    note(r.problems);
    return r;
  };
  it('the fixture manifest passes', () => {
    expect(checkManifest(manifest, 'dataset.json')).toEqual({ manifest, problems: [] });
  });
  it.each([
    ['not an object', [], '(root)', /^is not a JSON object$/],
    ['title empty', { title: '' }, 'title', /^must be a non-empty string$/],
    [
      'time range without an end',
      { time_range: { start: '2015-11-01T00:00:00Z' } },
      'time_range',
      /^needs start and end/,
    ],
    [
      'time range ending at its start',
      { time_range: { start: '2015-11-01T00:00:00Z', end: '2015-11-01T00:00:00Z' } },
      'time_range.end',
      /^is not after start$/,
    ],
    [
      'default view without bounds',
      { default_view: { center: [37, 36], zoom: 9 } },
      'default_view',
      /^needs center/,
    ],
    ['no factions', { factions: [] }, 'factions', /^must list at least one faction$/],
    [
      'a faction colour not #rrggbb',
      { factions: [{ id: 'a', label: 'A', color: 'red' }] },
      'factions[0]',
      /^needs id, label and color/,
    ],
    [
      'a faction id twice',
      {
        factions: [
          { id: 'a', label: 'A', color: '#000000' },
          { id: 'a', label: 'B', color: '#ffffff' },
        ],
      },
      'factions[1].id',
      /^"a" is listed twice$/,
    ],
    ['layers not a list', { layers: {} }, 'layers', /^must be a list$/],
    [
      'a layer of an unknown kind',
      { layers: [{ id: 'x', kind: 'roads', title: 'X', path: 'x.geojson' }] },
      'layers[0]',
      /^needs id, title, path and kind/,
    ],
    ['basemap missing', { basemap: undefined }, 'basemap', /^must be a list$/],
    [
      'a basemap entry of an unknown kind',
      { basemap: [{ kind: 'roads', path: 'r.geojson' }] },
      'basemap[0]',
      /^needs path and kind/,
    ],
    ['no sources', { sources: [] }, 'sources', /^must list the sources/],
  ] as const)('%s', (_name, patch, property, message) => {
    const r = Array.isArray(patch)
      ? checkManifest(patch, 'dataset.json')
      : broken(patch as Record<string, unknown>);
    note(r.problems);
    expect(r.manifest).toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({ property, message: expect.stringMatching(message) }),
    ]);
  });

  it('posts: not a posts file, an entry not an object, an id twice', () => {
    const post = {
      id: 'p1',
      published_at: '2015-11-01T00:00:00Z',
      title: 'P',
      url: 'https://example.org/',
    };
    expect(note(validatePosts([], 'posts.json').problems)).toEqual([
      expect.objectContaining({ message: 'is not a posts file' }),
    ]);
    const r = validatePosts({ posts: [post, 'p2', post] }, 'posts.json');
    expect(note(r.problems)).toEqual([
      expect.objectContaining({ featureId: '#1', message: 'is not an object' }),
      expect.objectContaining({
        featureId: 'p1',
        property: 'id',
        message: 'is used by another post',
      }),
    ]);
    expect(r.posts).toEqual([post]);
  });

  it('folder index: no files list, a path leaving the folder', () => {
    expect(note(parseFolderIndex('{}', 'reports/index.json').problems)).toEqual([
      expect.objectContaining({ message: 'has no "files" list' }),
    ]);
    const r = parseFolderIndex('{"files": ["a.geojson", "../b.geojson"]}', 'reports/index.json');
    expect(note(r.problems)).toEqual([
      expect.objectContaining({
        message: 'lists "../b.geojson", which is not a .geojson path inside the folder',
      }),
    ]);
    expect(r.files).toEqual(['a.geojson']);
  });
});

describe('checks across files', () => {
  it('an id used in two files names the first file', () => {
    const a = { feature: { id: 'x' }, file: 'a.geojson' };
    const b = { feature: { id: 'x' }, file: 'b.geojson' };
    expect(note(checkUniqueIds([a, { feature: { id: 'y' }, file: 'a.geojson' }, b]))).toEqual([
      expect.objectContaining({
        file: 'b.geojson',
        featureId: 'x',
        message: 'is also used in a.geojson',
      }),
    ]);
  });

  it('a missing file is a problem naming it, not an exception', async () => {
    const files: Record<string, string> = {
      'https://x/dataset.json': readFileSync(
        new URL('../../fixtures/mini/dataset.json', import.meta.url),
        'utf8',
      ),
      'https://x/posts.json': '{"posts": []}',
    };
    const read = async (url: string) => {
      if (url in files) return files[url];
      throw new Error('404 Not Found');
    };
    const r = await loadDataset('https://x/dataset.json', read, undefined, { topology: false });
    expect(
      note(r.problems)
        .filter((p) => /could not be loaded/.test(p.message))
        .map((p) => p.file),
    ).toEqual(['layers/zones.geojson', 'layers/places.geojson', 'layers/reports.geojson']);
  });

  describe('zones of different factions overlapping while both are valid', () => {
    const at = (
      id: string,
      faction: string,
      coordinates: number[][][],
      valid_from = '2015-10-01T00:00:00Z',
      valid_to?: string,
    ) => ({
      file: `${id}.geojson`,
      feature: {
        type: 'Feature',
        id,
        geometry: { type: 'Polygon', coordinates },
        properties: { faction, valid_from, valid_to, source: 's', precision: 'exact' },
      } as unknown as Zone,
    });
    /** A 0.1° square at 36° N (about 9.0 × 11.1 km) and one shifted east so that `overlap`
     * degrees of longitude are shared: 0.00001° × 0.1° is about 0.9 × 11,100 m ≈ 10,000 m². */
    const pair = (
      overlap: number,
      factions = ['rebel', 'regime'],
      times: [string?, string?, string?] = [],
    ) => [
      at('a', factions[0], square(37, 36), '2015-10-01T00:00:00Z', times[0]),
      at(
        'b',
        factions[1],
        square(37.1 - overlap, 36),
        times[1] ?? '2015-10-01T00:00:00Z',
        times[2],
      ),
    ];
    /** The geodesic area (m²) of the strip two squares of `pair(overlap)` share. */
    const stripM2 = (overlap: number) =>
      area({
        type: 'Polygon',
        coordinates: [
          [
            [37.1 - overlap, 36],
            [37.1, 36],
            [37.1, 36.1],
            [37.1 - overlap, 36.1],
            [37.1 - overlap, 36],
          ],
        ],
      });

    it('above the tolerance: an error on the later zone, naming the other, its faction and the area', () => {
      const problems = note(checkZoneOverlaps(pair(0.01)));
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: 'b.geojson',
          featureId: 'b',
          property: 'geometry',
          message: `overlaps zone a (rebel, in a.geojson) by ${(stripM2(0.01) / 1e6).toFixed(2)} km² while both are valid`,
          fix: 'a place has one controller at a time: cut one zone, or end one before the other starts',
        }),
      ]);
    });

    it('the tolerance is area: 8,000 m² shared passes, 12,000 m² fails', () => {
      expect(OVERLAP_TOLERANCE_M2).toBe(10_000);
      expect(stripM2(0.000008)).toBeGreaterThan(7_000);
      expect(stripM2(0.000008)).toBeLessThan(OVERLAP_TOLERANCE_M2);
      expect(stripM2(0.000012)).toBeGreaterThan(OVERLAP_TOLERANCE_M2);
      expect(stripM2(0.000012)).toBeLessThan(13_000);
      expect(checkZoneOverlaps(pair(0.000008))).toEqual([]);
      expect(checkZoneOverlaps(pair(0.000012))).toHaveLength(1);
    });

    it('shared edges, the same faction, and periods that only touch are not overlaps', () => {
      expect(checkZoneOverlaps(pair(0))).toEqual([]);
      expect(checkZoneOverlaps(pair(0.05, ['rebel', 'rebel']))).toEqual([]);
      // a ends (exclusive) when b begins.
      expect(
        checkZoneOverlaps(pair(0.05, undefined, ['2015-10-10T00:00:00Z', '2015-10-10T00:00:00Z'])),
      ).toEqual([]);
      // One hour of common validity is enough to be a contradiction.
      expect(
        checkZoneOverlaps(pair(0.05, undefined, ['2015-10-10T01:00:00Z', '2015-10-10T00:00:00Z'])),
      ).toHaveLength(1);
    });

    it('multipolygons, and rings that do not start at their western or southern corner, are boxed right', () => {
      // A ring starting at its north-east corner, and a MultiPolygon: the bounding-box shortcut
      // must still see that they overlap.
      const ne = square(37, 36).map((r) => [...r.slice(2, 4), ...r.slice(0, 3)]);
      const multi = {
        ...at('m', 'regime', []),
        feature: {
          ...at('m', 'regime', []).feature,
          geometry: { type: 'MultiPolygon', coordinates: [square(30, 30), square(37.05, 36.05)] },
        } as unknown as Zone,
      };
      expect(checkZoneOverlaps([at('ne', 'rebel', ne), multi]).map((p) => p.featureId)).toEqual([
        'm',
      ]);
      for (const shift of [
        [0.05, 0],
        [-0.05, 0],
        [0, 0.05],
        [0, -0.05],
      ])
        expect(
          checkZoneOverlaps([
            at('ne', 'rebel', ne),
            at('s', 'regime', square(37 + shift[0], 36 + shift[1])),
          ]),
          String(shift),
        ).toHaveLength(1);
    });

    it('each pair of shapes is measured on its own (no area reused for another pair)', () => {
      // Two triangles halving the same square (boxes overlap, areas do not) after a pair that
      // does overlap: a remembered area must belong to its own pair of shapes.
      const lower = [
        [
          [37, 36],
          [37.1, 36],
          [37, 36.1],
          [37, 36],
        ],
      ];
      const upper = [
        [
          [37.1, 36],
          [37.1, 36.1],
          [37, 36.1],
          [37.1, 36],
        ],
      ];
      const zones = [
        at('sq', 'rebel', square(37, 36), '2015-10-01T00:00:00Z'),
        at('over', 'regime', square(37.05, 36), '2015-10-02T00:00:00Z', '2015-10-03T00:00:00Z'),
        at('low', 'isis', lower, '2015-10-04T00:00:00Z'),
        at('up', 'regime', upper, '2015-10-05T00:00:00Z'),
      ];
      expect(
        checkZoneOverlaps(zones)
          .map((p) => `${p.featureId}×${/zone ([\w-]+)/.exec(p.message)?.[1]}`)
          .sort(),
      ).toEqual(['low×sq', 'over×sq', 'up×sq']);
    });

    it('a zone inside another, and one pair among many versions, are found once each', () => {
      const inner = at('inner', 'isis', square(37.02, 36.02, 0.02));
      const problems = checkZoneOverlaps([at('outer', 'rebel', square()), inner]);
      expect(problems.map((p) => p.featureId)).toEqual(['inner']);
      // The same geometries repeated over versions (as derived zones are) give one problem per
      // overlapping pair of versions, computed once per pair of shapes.
      const versions = [
        at('a1', 'rebel', square(37, 36), '2015-10-01T00:00:00Z', '2015-10-05T00:00:00Z'),
        at('a2', 'rebel', square(37, 36), '2015-10-05T00:00:00Z'),
        at('b1', 'regime', square(37.05, 36), '2015-10-03T00:00:00Z'),
      ];
      expect(
        checkZoneOverlaps(versions)
          .map((p) => `${p.featureId}×${/zone (\w+)/.exec(p.message)?.[1]}`)
          .sort(),
      ).toEqual(['a2×b1', 'b1×a1']);
    });
  });
});

/** The message templates the validator's source can emit, each by its longest literal part. */
function messagesInSource(): { file: string; text: string }[] {
  // The validator (src/data/validate/) and the loader's own messages (src/data/load/).
  const files = [
    ...readdirSync(new URL('../../../src/data/validate/', import.meta.url))
      .filter((f) => /^validate.*\.ts$/.test(f) || f === 'parse-json.ts')
      .map((f) => new URL(`../../../src/data/validate/${f}`, import.meta.url)),
    ...['load.ts', 'folder-index.ts'].map(
      (f) => new URL(`../../../src/data/load/${f}`, import.meta.url),
    ),
  ];
  const out: { file: string; text: string }[] = [];
  const literal = (n: ts.Node): string[] => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return [n.text];
    if (ts.isTemplateExpression(n)) {
      const parts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)];
      return [parts.reduce((a, b) => (b.trim().length > a.trim().length ? b : a))];
    }
    if (ts.isConditionalExpression(n)) return [...literal(n.whenTrue), ...literal(n.whenFalse)];
    if (ts.isParenthesizedExpression(n)) return literal(n.expression);
    return [];
  };
  for (const url of files) {
    const file = url.pathname.split('/').pop() ?? '';
    const src = ts.createSourceFile(file, readFileSync(url, 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (n: ts.Node | undefined) => {
      for (const text of n ? literal(n) : [])
        if (text.trim()) out.push({ file, text: text.trim() });
    };
    const visit = (n: ts.Node) => {
      // { message: '…' } and { empty: '…' } (the lists' messages in validate-fields.ts)
      if (ts.isPropertyAssignment(n) && ['message', 'empty'].includes(n.name.getText(src)))
        add(n.initializer);
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText(src);
        if (callee === 'err') add(n.arguments[1]);
        if (callee === 'problem') add(n.arguments[0]);
        // validate-geometry.ts collects its messages as strings.
        if (/^(out|errors|warnings)\.push$/.test(callee) && n.arguments.length === 1)
          add(n.arguments[0]);
      }
      // positionProblem returns its message; WINDING_MESSAGE is one too.
      if (ts.isReturnStatement(n) && file === 'validate-geometry.ts') add(n.expression);
      if (ts.isVariableDeclaration(n) && n.name.getText(src) === 'WINDING_MESSAGE')
        add(n.initializer);
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}

describe('completeness', () => {
  // Under mutation testing the source is instrumented (every literal wrapped in a switch), so
  // there is nothing to read; vitest.mutation.config.ts sets MUTATION_RUN.
  it.skipIf(process.env.MUTATION_RUN)(
    'every message the validator can emit is produced by a negative case here or in tests/fixtures/bad',
    () => {
      // The bad fixtures' messages count too (bad-files.test.ts checks each in detail).
      const bad = new URL('../../fixtures/bad/', import.meta.url);
      const expected = JSON.parse(readFileSync(new URL('expected.json', bad), 'utf8'));
      for (const [file, want] of Object.entries(expected as Record<string, { kind: LayerKind }>))
        note(
          validateLayerText(want.kind, readFileSync(new URL(file, bad), 'utf8'), file, {
            ...ctx,
            postIds: new Set(['interpreter-2015-10-23']),
          }).problems,
        );
      const all = [...produced];
      const source = messagesInSource();
      // The parser found the rules (a sanity floor, not the dataset's count).
      expect(source.length).toBeGreaterThan(40);
      const untested = source.filter(({ text }) => !all.some((m) => m.includes(text)));
      expect(untested).toEqual([]);
    },
  );
});
