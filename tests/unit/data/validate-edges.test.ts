/**
 * validate.ts at the edges of its rules, beyond every-rule.test.ts's one case per message: a
 * position exactly on the dataset's bounds passes and one just outside on each side fails, an
 * event reported the moment it happened passes, and the posts file's structure errors each carry
 * advice. Found missing by mutation testing (docs/testing.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextOf, validateLayer, validatePosts } from '../../../src/data/validate/validate';
import { checkManifest } from '../../../src/data/validate/validate-manifest';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));
const { manifest } = checkManifest(read('mini/dataset.json'), 'dataset.json');
if (!manifest) throw new Error('the mini manifest does not pass');
const posts = validatePosts(read('mini/posts.json'), 'posts.json').posts;
const ctx = contextOf(manifest, posts);
const [[w, s], [e, n]] = ctx.bounds;
const report = read('good/report-plain.geojson');

const withReport = (coordinates: number[], props: Record<string, unknown> = {}) => {
  const f = structuredClone(report);
  f.geometry.coordinates = coordinates;
  f.properties = { ...f.properties, post: posts[0].id, ...props };
  return validateLayer('reports', { type: 'FeatureCollection', features: [f] }, 'r', ctx);
};
const errors = (r: ReturnType<typeof withReport>) =>
  r.problems.filter((p) => p.severity === 'error').map((p) => p.message);

describe('validateLayer at the edges', () => {
  it("accepts positions exactly on the dataset's bounds", () => {
    for (const c of [
      [w, s],
      [e, n],
      [w, n],
      [e, s],
    ])
      expect(errors(withReport(c)), JSON.stringify(c)).toEqual([]);
  });

  it('refuses a position just outside the bounds on each side', () => {
    const [midLon, midLat] = [(w + e) / 2, (s + n) / 2];
    for (const c of [
      [w - 0.01, midLat],
      [e + 0.01, midLat],
      [midLon, s - 0.01],
      [midLon, n + 0.01],
    ])
      expect(errors(withReport(c)), JSON.stringify(c)).toEqual([
        `position [${c.join(', ')}] lies outside the dataset's bounds`,
      ]);
  });

  it('accepts an event reported the moment it happened', () => {
    const t = '2015-11-12T12:00:00Z';
    expect(errors(withReport([37.1, 36.1], { reported_at: t, occurred_at: t }))).toEqual([]);
    expect(
      errors(withReport([37.1, 36.1], { reported_at: t, occurred_at: '2015-11-12T12:00:01Z' })),
    ).toEqual(['is after reported_at']);
  });
});

describe('validateLayer: zones, labels and the loader', () => {
  const zone = JSON.parse(
    readFileSync(
      new URL('../../fixtures/good/zones-with-bom.geojson', import.meta.url),
      'utf8',
    ).replace(/^\uFEFF/, ''),
  ).features[0];
  const zones = (coordinates: number[][][], id: unknown = 'z', topology?: boolean) =>
    validateLayer(
      'zones',
      {
        type: 'FeatureCollection',
        features: [{ ...zone, id, geometry: { type: 'Polygon', coordinates } }],
      },
      'z',
      { ...ctx, topology },
    );
  const bowtie = [
    [37, 35.95],
    [37.1, 36.05],
    [37.1, 35.95],
    [37, 36.05],
    [37, 35.95],
  ];

  it('refuses a zone with one vertex outside the bounds, naming that vertex', () => {
    const ring = [
      [37, 35.95],
      [e + 1, 35.95],
      [37.1, 36.05],
      [37, 36.05],
      [37, 35.95],
    ];
    expect(zones([ring]).problems.map((p) => p.message)).toContain(
      `position [${e + 1}, 35.95] lies outside the dataset's bounds`,
    );
  });

  it('skips the self-intersection check only when the loader asks (topology false)', () => {
    const crossing = 'coordinates crosses itself near [37.05, 36]';
    expect(zones([bowtie]).problems.map((p) => p.message)).toContain(crossing);
    expect(zones([bowtie], 'z', true).problems.map((p) => p.message)).toContain(crossing);
    expect(zones([bowtie], 'z', false).problems.map((p) => p.message)).not.toContain(crossing);
  });

  it("labels a feature's problems by its id, a number included, else by its index", () => {
    const open = [
      [37, 35.95],
      [37.1, 35.95],
      [37.1, 36.05],
      [37, 36.05],
    ];
    expect(zones([open], 7).problems[0].featureId).toBe('7');
    expect(zones([open], 'z7').problems[0].featureId).toBe('z7');
    expect(zones([open], null).problems.map((p) => p.featureId)).toContain('#0');
  });
});

describe('validatePosts structure', () => {
  const post = {
    id: 'p1',
    published_at: '2015-11-01T00:00:00Z',
    title: 'P',
    url: 'https://example.org/',
  };

  it('refuses an object without a list of posts, and entries that are not objects, with advice', () => {
    for (const raw of [{ posts: 5 }, { posts: {} }, null, []])
      expect(validatePosts(raw, 'posts.json').problems).toEqual([
        {
          severity: 'error',
          file: 'posts.json',
          message: 'is not a posts file',
          fix: 'the file must be {"posts": [...]}',
        },
      ]);
    const r = validatePosts({ posts: [post, 'p2', post] }, 'posts.json');
    expect(r.posts).toEqual([post]);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: 'posts.json',
        featureId: '#1',
        message: 'is not an object',
        fix: 'each post is {"id", "published_at", "title", "url"}',
      },
      {
        severity: 'error',
        file: 'posts.json',
        featureId: post.id,
        property: 'id',
        message: 'is used by another post',
        fix: 'give each post its own id',
      },
    ]);
  });
});
