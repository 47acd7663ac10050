/**
 * The manifest's rules one clause at a time: each case breaks exactly one requirement of a valid
 * manifest (tests/fixtures/mini/dataset.json), and exactly one error names it, with advice on how
 * to fix it. every-rule.test.ts has one case per message; these cover each condition that can
 * produce it (found by mutation testing, docs/testing.md), and the limits of what passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../../src/data/validate/validate-manifest';

const manifest = JSON.parse(
  readFileSync(new URL('../../fixtures/mini/dataset.json', import.meta.url), 'utf8'),
);
const view = manifest.default_view;
const faction = manifest.factions[0];
const layer = manifest.layers[0];
const basemap = { kind: 'land', path: 'basemap/countries.geojson' };

/** The fixture with top-level members replaced (undefined: removed). */
function patched(patch: Record<string, unknown>): unknown {
  const m = { ...structuredClone(manifest), ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete m[k];
  return m;
}

describe('checkManifest', () => {
  it('accepts positions at the edges of the world and a basemap of each kind', () => {
    const edges = patched({
      default_view: {
        center: [180, -90],
        zoom: 0,
        bounds: [
          [-180, -90],
          [180, 90],
        ],
      },
      basemap: ['land', 'admin', 'lakes', 'rivers', 'borders', 'coast', 'towns'].map((kind) => ({
        kind,
        path: `basemap/${kind}.geojson`,
      })),
    });
    expect(checkManifest(edges, 'dataset.json')).toEqual({ manifest: edges, problems: [] });
  });

  it.each([
    ['not an object: null', null, '(root)', /^is not a JSON object$/],
    ['not an object: a list', [], '(root)', /^is not a JSON object$/],
    ['title missing', { title: undefined }, 'title', /^must be a non-empty string$/],
    ['title a number', { title: 5 }, 'title', /^must be a non-empty string$/],
    ['description empty', { description: '' }, 'description', /^must be a non-empty string$/],
    ['posts missing', { posts: undefined }, 'posts', /^must be a non-empty string$/],
    ['attribution missing', { attribution: undefined }, 'attribution', /non-empty string$/],
    ['time range not an object', { time_range: '2015' }, 'time_range', /^needs start and end/],
    [
      'time range start not a time',
      { time_range: { start: 'soon', end: '2015-11-20T00:00:00Z' } },
      'time_range',
      /^needs start and end/,
    ],
    [
      'time range ending before its start',
      { time_range: { start: '2015-11-20T00:00:00Z', end: '2015-11-01T00:00:00Z' } },
      'time_range.end',
      /^is not after start$/,
    ],
    ['default view missing', { default_view: undefined }, 'default_view', /^needs center/],
    ['default view null', { default_view: null }, 'default_view', /^needs center/],
    ['default view a list', { default_view: [] }, 'default_view', /^needs center/],
    ...(
      [
        ['centre not a list', { 0: 37, 1: 36, length: 2 }],
        ['centre of 3 numbers', [37, 36, 0]],
        ['centre of 1 number', [37]],
        ['centre longitude a string', ['37', 36]],
        ['centre latitude a string', [37, '36']],
        ['centre longitude past 180', [180.5, 36]],
        ['centre longitude past -180', [-180.5, 36]],
        ['centre latitude past 90', [37, 90.5]],
        ['centre latitude past -90', [37, -90.5]],
      ] as const
    ).map(
      ([name, center]) =>
        [name, { default_view: { ...view, center } }, 'default_view', /^needs center/] as const,
    ),
    ['zoom a string', { default_view: { ...view, zoom: '9' } }, 'default_view', /^needs center/],
    ['bounds missing', { default_view: { ...view, bounds: undefined } }, 'default_view', /^needs/],
    [
      'bounds of 3 corners',
      { default_view: { ...view, bounds: [...view.bounds, [40, 36]] } },
      'default_view',
      /^needs center/,
    ],
    [
      'bounds with one corner off the world',
      { default_view: { ...view, bounds: [view.bounds[0], [200, 39]] } },
      'default_view',
      /^needs center/,
    ],
    ['factions missing', { factions: undefined }, 'factions', /^must list at least one/],
    ...(
      [
        ['a faction not an object', 'regime'],
        ['a faction without id', { ...faction, id: undefined }],
        ['a faction without label', { ...faction, label: undefined }],
        ['a faction without colour', { ...faction, color: undefined }],
        ['a faction colour of 3 digits', { ...faction, color: '#d50' }],
        // A list of one colour reads as that colour when made a string: refused all the same.
        ['a faction colour in a list', { ...faction, color: ['#d55e00'] }],
      ] as const
    ).map(
      ([name, f]) =>
        [name, { factions: [f] }, 'factions[0]', /^needs id, label and color/] as const,
    ),
    [
      'a faction id twice',
      { factions: [faction, { ...faction, label: 'Other' }] },
      'factions[1].id',
      /^"regime" is listed twice$/,
    ],
    ['layers missing', { layers: undefined }, 'layers', /^must be a list$/],
    ...(
      [
        ['a layer not an object', 'zones'],
        ['a layer without id', { ...layer, id: undefined }],
        ['a layer without title', { ...layer, title: undefined }],
        ['a layer without path', { ...layer, path: undefined }],
        ['a layer without kind', { ...layer, kind: undefined }],
      ] as const
    ).map(
      ([name, l]) =>
        [name, { layers: [l] }, 'layers[0]', /^needs id, title, path and kind/] as const,
    ),
    ['basemap not a list', { basemap: {} }, 'basemap', /^must be a list$/],
    ...(
      [
        ['a basemap entry not an object', 'land'],
        ['a basemap entry without path', { ...basemap, path: undefined }],
        ['a basemap entry without kind', { ...basemap, kind: undefined }],
      ] as const
    ).map(([name, b]) => [name, { basemap: [b] }, 'basemap[0]', /^needs path and kind/] as const),
    ['sources missing', { sources: undefined }, 'sources', /^must list the sources/],
    ['sources not a list', { sources: 'GeoNames' }, 'sources', /^must list the sources/],
  ] as const)('%s: one error, with advice', (_name, patch, property, message) => {
    const raw =
      patch === null || Array.isArray(patch) ? patch : patched(patch as Record<string, unknown>);
    const r = checkManifest(raw, 'dataset.json');
    expect(r.manifest).toBeNull();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: 'dataset.json',
        property,
        message: expect.stringMatching(message),
        fix: expect.stringMatching(/\S/),
      },
    ]);
  });

  it('names the missing member and the allowed kinds in its advice and message', () => {
    const r = checkManifest(patched({ attribution: undefined }), 'dataset.json');
    expect(r.problems[0].fix).toBe('add "attribution"');
    const layers = checkManifest(patched({ layers: [{ ...layer, kind: 'roads' }] }), 'd.json');
    expect(layers.problems[0].message).toBe(
      'needs id, title, path and kind (zones, fronts, places, reports)',
    );
    const bases = checkManifest(patched({ basemap: [{ path: 'x', kind: 'roads' }] }), 'd.json');
    expect(bases.problems[0].message).toBe(
      'needs path and kind (land, admin, lakes, rivers, borders, coast, towns)',
    );
  });
});
