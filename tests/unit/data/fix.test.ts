import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixLayer } from '../../../src/data/fix';
import type { Json } from '../../../src/data/format-json';
import { parseJson } from '../../../src/data/validate/parse-json';
import { validateLayer } from '../../../src/data/validate/validate';

const root = join(import.meta.dirname, '../../..');
const ctx = {
  factionIds: new Set(['regime', 'rebel', 'isis', 'ypg']),
  postIds: new Set<string>(),
  bounds: [
    [32, 29],
    [48.5, 39.5],
  ] as [[number, number], [number, number]],
};

describe('--fix', () => {
  it('rewinds rings so the winding warning goes away, and a second fix changes nothing', async () => {
    const file = 'tests/fixtures/bad/zone-wrong-winding-warns.geojson';
    const text = await readFile(join(root, file), 'utf8');
    const before = validateLayer('zones', parseJson(text, file).value, file, ctx).problems;
    expect(before.some((p) => /right-hand rule/.test(p.message))).toBe(true);
    const once = fixLayer(parseJson(text, file).value as Json, 'zones');
    const after = validateLayer('zones', parseJson(once, file).value, file, ctx).problems;
    expect(after.filter((p) => /right-hand rule/.test(p.message))).toEqual([]);
    expect(fixLayer(parseJson(once, file).value as Json, 'zones')).toBe(once);
  });

  it('puts keys in the contract order, rounds to 6 decimals, keeps unknown keys after the known', () => {
    const messy = {
      properties: {
        zzz: 1,
        status: 'unconfirmed',
        category: 'armed-clash',
        title: 'T',
        reported_at: '2015-10-23T00:00:00Z',
      },
      geometry: { coordinates: [37.123456789, 36.1], type: 'Point' },
      id: 'x',
      type: 'Feature',
    };
    const text = fixLayer(messy as Json, 'reports');
    expect(text).toBe(
      '{\n "type": "Feature",\n "id": "x",\n "geometry": {\n  "type": "Point",\n  "coordinates": [37.123457, 36.1]\n },\n "properties": {\n  "reported_at": "2015-10-23T00:00:00Z",\n  "title": "T",\n  "status": "unconfirmed",\n  "category": "armed-clash",\n  "zzz": 1\n }\n}\n',
    );
  });

  it('leaves every shipped data file as it is (they are kept in canonical form)', async () => {
    for (const [file, kind] of [
      ['data/layers/places.geojson', 'places'],
      ['data/layers/zones.geojson', 'zones'],
      ['data/reports/2015/2015-10-23-judaydah.geojson', 'reports'],
    ] as const) {
      const text = await readFile(join(root, file), 'utf8');
      expect(fixLayer(parseJson(text, file).value as Json, kind)).toBe(text);
    }
  });
});
