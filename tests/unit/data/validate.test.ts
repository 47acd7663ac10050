import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/data/problems';
import { parseJson } from '../../../src/data/validate/parse-json';
import {
  validateLayer,
  validatePosts,
  type ValidationContext,
} from '../../../src/data/validate/validate';

const ctx: ValidationContext = {
  factionIds: new Set(['regime', 'rebel']),
  postIds: new Set(['p1']),
  bounds: [
    [32, 29],
    [48.5, 39.5],
  ],
};
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const pin = (
  props: Record<string, unknown>,
  coordinates: unknown = [37.1, 36.1],
  id: unknown = 'pin-1',
) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates },
  properties: {
    reported_at: '2015-10-23T23:34:00Z',
    title: 'T',
    text: 'x',
    lang: 'en',
    source_url: 'https://example.org/',
    status: 'unconfirmed',
    category: 'armed-clash',
    ...props,
  },
});
const square = [
  [
    [37, 36],
    [37.1, 36],
    [37.1, 36.1],
    [37, 36.1],
    [37, 36],
  ],
];
const zone = (props: Record<string, unknown>) => ({
  type: 'Feature',
  id: 'z',
  geometry: { type: 'Polygon', coordinates: square },
  properties: {
    faction: 'rebel',
    valid_from: '2015-10-01T00:00:00Z',
    source: 's',
    precision: 'exact',
    ...props,
  },
});
/** A place feature with the given control history. */
const placeWith = (control: unknown[]) => ({
  type: 'Feature',
  id: 'p',
  geometry: { type: 'Point', coordinates: [37, 36] },
  properties: { name: 'P', name_ar: 'ب', aliases: ['P'], kind: 'village', source: 's', control },
});
const props = (r: { problems: { property?: string; severity: string }[] }) =>
  r.problems.filter((p) => p.severity === 'error').map((p) => p.property);

describe('validateLayer', () => {
  it('accepts a good pin', () => {
    const r = validateLayer('reports', fc(pin({ post: 'p1' })), 'r.geojson', ctx);
    expect(r.problems).toEqual([]);
    expect(r.features).toHaveLength(1);
  });
  it('requires a time zone on times', () => {
    expect(
      props(validateLayer('reports', fc(pin({ reported_at: '2015-10-23T23:34:00' })), 'r', ctx)),
    ).toEqual(['reported_at']);
  });
  it('rejects javascript: and other non-http links', () => {
    expect(
      props(validateLayer('reports', fc(pin({ source_url: 'javascript:alert(1)' })), 'r', ctx)),
    ).toEqual(['source_url']);
  });
  it('rejects occurred_at after reported_at', () => {
    expect(
      props(validateLayer('reports', fc(pin({ occurred_at: '2015-10-24T00:00:00Z' })), 'r', ctx)),
    ).toEqual(['occurred_at']);
  });
  it('rejects a post that does not exist and an unknown status', () => {
    expect(
      props(validateLayer('reports', fc(pin({ post: 'nope', status: 'rumour' })), 'r', ctx)),
    ).toEqual(['status']);
    expect(props(validateLayer('reports', fc(pin({ post: 'nope' })), 'r', ctx))).toEqual(['post']);
  });
  it('rejects HTML in text, and warns about http links', () => {
    const r = validateLayer('reports', fc(pin({ text: '<script>alert(1)</script>' })), 'r', ctx);
    expect(r.features).toHaveLength(0);
    expect(props(r)).toEqual(['text']);
    const http = validateLayer('reports', fc(pin({ source_url: 'http://example.org/' })), 'r', ctx);
    expect(http.features).toHaveLength(1);
    expect(http.problems).toEqual([
      expect.objectContaining({ severity: 'warning', property: 'source_url' }),
    ]);
  });
  it('rejects NaN-like and out-of-range coordinates through the GeoJSON check', () => {
    expect(props(validateLayer('reports', fc(pin({}, [37.1, 'x'])), 'r', ctx))).toContain(
      'geometry',
    );
    expect(props(validateLayer('reports', fc(pin({}, [37.1])), 'r', ctx))).toContain('geometry');
  });
  it('rejects a position outside the bounds (lat/lon swapped)', () => {
    const r = validateLayer('reports', fc(pin({}, [36.1, 37.1 + 10])), 'r', ctx);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', property: 'geometry' }),
    ]);
  });
  it('requires unique string ids', () => {
    const r = validateLayer('reports', fc(pin({}), pin({})), 'r', ctx);
    expect(props(r)).toEqual(['id']);
    expect(r.features).toHaveLength(1);
    expect(props(validateLayer('reports', fc(pin({}, undefined, 7)), 'r', ctx))).toEqual(['id']);
  });
  it('checks zones: faction exists, valid_to after valid_from, right geometry type', () => {
    expect(props(validateLayer('zones', fc(zone({ faction: 'martians' })), 'z', ctx))).toEqual([
      'faction',
    ]);
    expect(
      props(validateLayer('zones', fc(zone({ valid_to: '2015-10-01T00:00:00Z' })), 'z', ctx)),
    ).toEqual(['valid_to']);
    expect(props(validateLayer('reports', fc(zone({})), 'z', ctx))).toContain('geometry');
  });
  it('checks every entry of a place control history', () => {
    const place = placeWith([
      { from: '2015-10-01T00:00:00Z', faction: 'isis', source: 's' },
      { from: 'yesterday', faction: 'rebel' },
    ]);
    expect(props(validateLayer('places', fc(place), 'p', ctx)).sort()).toEqual([
      'control[1].from',
      'control[1].source',
    ]);
  });
  it('checks the claims that dispute a control entry: each needs a faction of the manifest and a source', () => {
    const place = placeWith([
      {
        from: '2015-10-01T00:00:00Z',
        faction: 'regime',
        source: 's',
        disputed: [
          { faction: 'rebel', from: '2015-10-02T12:00:00Z', source: 'other outlet' },
          { faction: 'rebel', from: 'soon' },
        ],
      },
      { from: '2015-10-05T00:00:00Z', faction: 'rebel', source: 's', disputed: [] },
    ]);
    const r = validateLayer('places', fc(place), 'p', ctx);
    expect(r.problems.map((p) => p.property).sort()).toEqual([
      'control[0].disputed[1].from',
      'control[0].disputed[1].source',
      'control[1].disputed',
    ]);
    // Once the fields are right, the factions are checked against the manifest.
    const claim = (faction: string) =>
      placeWith([
        {
          from: '2015-10-01T00:00:00Z',
          faction: 'regime',
          source: 's',
          disputed: [{ faction, from: '2015-10-02T12:00:00Z', source: 's' }],
        },
      ]);
    expect(props(validateLayer('places', fc(claim('martians')), 'p', ctx))).toEqual([
      'control[0].disputed[0].faction',
    ]);
    expect(validateLayer('places', fc(claim('rebel')), 'p', ctx).problems).toEqual([]);
  });
  it('reports a missing properties member once, labelled properties', () => {
    const r = validateLayer(
      'reports',
      fc({ type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [37, 36] } }),
      'r',
      ctx,
    );
    expect(r.problems.map((p) => `${p.property}: ${p.message}`)).toEqual([
      'properties: is missing',
    ]);
  });
  it('never throws on hostile shapes', () => {
    for (const raw of [
      null,
      1,
      'x',
      [],
      {},
      { type: 'FeatureCollection' },
      fc(null),
      fc({ type: 'Feature' }),
      fc({ type: 'Feature', id: 'a', geometry: null, properties: null }),
    ]) {
      const r = validateLayer('zones', raw, 'f', ctx);
      expect(r.features).toEqual([]);
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('parseJson', () => {
  it('locates a syntax error by line and column and tolerates a BOM', () => {
    const r = parseJson('{\n  "a": 1,\n  "b": }\n', 'f.json');
    expect(r.problems[0]).toMatchObject({ file: 'f.json', line: 3 });
    expect(parseJson('\uFEFF{"a":1}', 'f').value).toEqual({ a: 1 });
  });
});

describe('validatePosts and formatProblem', () => {
  it('names file, post and property, with how to fix', () => {
    const r = validatePosts(
      { posts: [{ id: 'p', published_at: '2015-10-23', title: 't', url: 'https://x.org' }] },
      'posts.json',
    );
    expect(r.posts).toEqual([]);
    expect(formatProblem(r.problems[0])).toBe(
      'posts.json  p  published_at: is not an ISO 8601 time with a zone ("2015-10-23") — write e.g. 2015-10-23T18:00:00Z',
    );
  });
});
