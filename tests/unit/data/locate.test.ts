/**
 * Every problem carries a line and column, including those about a file as a whole (a root that
 * is not GeoJSON), a post, the manifest, or a feature named by a rule across files.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import { propertyPath } from '../../../src/data/validate/locate';
import type { ValidationContext } from '../../../src/data/validate/validate';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { readLocal } from '../read-local';

const ctx: ValidationContext = {
  factionIds: new Set(['rebel', 'regime']),
  postIds: new Set(),
  bounds: [
    [32, 29],
    [48.5, 39.5],
  ],
};

/** 1-based line and column of the first occurrence of `needle`. */
function at(text: string, needle: string) {
  const i = text.indexOf(needle);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

const report = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [37.1, 36.1] },
  properties: {
    reported_at: '2015-11-12T12:00:00Z',
    title: 'A report',
    text: 'Text',
    lang: 'en',
    source_url: 'https://example.org/a',
    status: 'unconfirmed',
    category: 'armed-clash',
    ...extra,
  },
});

describe('a file that is not GeoJSON points at its root value', () => {
  it.each([
    ['a string', '\n\n   "FeatureCollection"\n', '"FeatureCollection"'],
    ['null', '  \n  null', 'null'],
    ['a lower-case "feature"', `\n ${JSON.stringify({ ...report('x'), type: 'feature' })}`, '{'],
    ['features that are not a list', '\n\t{"type": "FeatureCollection", "features": {}}', '{'],
  ])('%s', (_, text, root) => {
    const { problems } = validateLayerText('reports', text, 'f.geojson', ctx);
    expect(problems).toEqual([
      expect.objectContaining({
        message: 'is neither a GeoJSON FeatureCollection nor a Feature',
        ...at(text, root),
      }),
    ]);
  });

  it('"crs" on the collection points at its key', () => {
    const text = '{\n  "type": "FeatureCollection",\n    "crs": {},\n  "features": []\n}';
    const { problems } = validateLayerText('zones', text, 'z.geojson', ctx);
    expect(problems).toEqual([expect.objectContaining({ property: 'crs', ...at(text, '"crs"') })]);
  });
});

describe('propertyPath', () => {
  it('splits dotted names and indexes', () => {
    expect(propertyPath('control[2].disputed[0].faction')).toEqual([
      'control',
      2,
      'disputed',
      0,
      'faction',
    ]);
    expect(propertyPath('geometry')).toEqual(['geometry']);
  });
});

describe('the loader locates problems outside any layer file rule', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true }))));

  it('in the manifest, the posts file, and ids used twice across files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'locate-'));
    dirs.push(dir);
    const manifest = {
      title: 'T',
      description: 'D',
      time_range: { start: '2015-11-01T00:00:00Z', end: '2015-11-20T00:00:00Z' },
      default_view: { center: [37, 36], zoom: 8, bounds: ctx.bounds },
      factions: [
        { id: 'rebel', label: 'Rebels', color: '#009e73' },
        { id: 'regime', label: 'Government', color: '#d55e00' },
      ],
      posts: 'posts.json',
      layers: [
        { id: 'a', kind: 'reports', title: 'A', path: 'a.geojson' },
        { id: 'b', kind: 'reports', title: 'B', path: 'b.geojson' },
      ],
      basemap: [],
      attribution: 'x',
      sources: [{ name: 'GeoNames', license: 'CC BY 4.0' }],
    };
    const files: Record<string, string> = {
      'dataset.json': JSON.stringify(manifest, null, 2),
      'posts.json': JSON.stringify(
        { posts: [{ id: 'p1', published_at: 'soon', title: 'P', url: 'https://e.org' }] },
        null,
        2,
      ),
      'a.geojson': JSON.stringify(report('same'), null, 2),
      'b.geojson': `\n\n${JSON.stringify(report('same'), null, 2)}`,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const url = pathToFileURL(join(dir, 'dataset.json')).href;
    const { problems } = await loadDataset(url, readLocal);
    for (const p of problems) expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
    const find = (file: string) => problems.find((p) => p.file === file);
    expect(find('posts.json')).toMatchObject({
      featureId: 'p1',
      property: 'published_at',
      ...at(files['posts.json'], '"published_at"'),
    });
    expect(find('b.geojson')).toMatchObject({
      featureId: 'same',
      property: 'id',
      message: 'is also used in a.geojson',
      ...at(files['b.geojson'], '"id"'),
    });

    const badManifest = files['dataset.json'].replace('"#d55e00"', '"red"');
    await writeFile(join(dir, 'dataset.json'), badManifest);
    const bad = await loadDataset(url, readLocal);
    // The manifest's rule names the faction entry; its location is that entry's brace.
    expect(bad.problems).toEqual([
      expect.objectContaining({
        property: 'factions[1]',
        line: at(badManifest, '"id": "regime"').line - 1,
        column: 5,
      }),
    ]);
  });
});
