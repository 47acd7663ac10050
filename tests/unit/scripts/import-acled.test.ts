import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import { contextOf } from '../../../src/data/validate/validate';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { ImportError, importAcled } from '../../../scripts/lib/import-acled';
import { writeAcledCsv } from '../../../scripts/lib/synthetic-acled';
import { readLocal, repoUrl } from '../read-local';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const MANIFEST = join(FIXTURES, 'desk/dataset.json');
const opts = { sourceUrl: 'https://acleddata.com/', status: 'unconfirmed' as const };
const { dataset } = await loadDataset(repoUrl('tests/fixtures/desk/dataset.json'), readLocal);
if (!dataset) throw new Error('fixture did not load');
const ctx = contextOf(dataset.manifest, dataset.posts);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const listAll = async (d: string) =>
  (await readdir(d, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(d.length + 1))
    .sort();

describe('npm run import -- --from acled', () => {
  it('writes one valid report file per good row and reports each bad row as its line with the reason', async () => {
    const out = join(dir, 'reports');
    const result = await importAcled({
      ...opts,
      file: join(FIXTURES, 'acled/syria-sample.csv'),
      out,
      bundle: false,
      manifest: MANIFEST,
    });
    expect(result.imported).toBe(3);
    // Line 3 holds a note over two lines, so the rows after it are one line further down.
    expect(result.skipped.map((s) => `${s.line}: ${s.reason}`)).toEqual([
      '5: sub_event_type "Air/drone strike" belongs to event_type "Explosions/Remote violence", not "Battles"',
      '6: event_date "32 October 2015" is not a date ACLED writes (2015-10-05 or 05 October 2015)',
      '7: sub_event_type "Teleportation" is not one of ACLED\'s',
      "8: geometry position [13.405, 52.52] lies outside the dataset's bounds",
      '9: event_id_cnty gives id acled-syr1001, already on line 2',
      '10: Too few fields: expected 18 fields but parsed 5',
      '12: geo_precision "4" is not 1, 2 or 3',
      '13: fatalities "many" is not a whole number',
    ]);
    expect(await listAll(out)).toEqual([
      '2015/2015-10-05-acled-syr1001.geojson',
      '2015/2015-10-05-acled-syr1002.geojson',
      '2015/2015-10-07-acled-syr1008.geojson',
    ]);
    // Each file passes the project's validator, and carries what the row said.
    for (const f of result.written) {
      const checked = validateLayerText('reports', await readFile(f, 'utf8'), f, ctx);
      expect(checked.problems).toEqual([]);
      expect(checked.features).toHaveLength(1);
    }
    const hader = JSON.parse(
      await readFile(join(out, '2015/2015-10-05-acled-syr1002.geojson'), 'utf8'),
    );
    expect(hader.properties).toMatchObject({
      category: 'armed-clash',
      source_name: 'Reuters; SANA',
      precision: 'approximate',
      text: 'Clashes near the town, with "heavy" losses\non both sides; a second line.',
      fatalities: 0,
    });
    // Nothing is left beside the output.
    expect(await readdir(dir)).toEqual(['reports']);
  });

  it('--bundle writes one FeatureCollection that validates as a reports layer', async () => {
    const out = join(dir, 'layers/acled.geojson');
    const result = await importAcled({
      ...opts,
      file: join(FIXTURES, 'acled/syria-sample.csv'),
      out,
      bundle: true,
      manifest: MANIFEST,
    });
    expect(result.written).toEqual([out]);
    const checked = validateLayerText('reports', await readFile(out, 'utf8'), out, ctx);
    expect(checked.problems).toEqual([]);
    expect(checked.features.map((f) => f.id)).toEqual([
      'acled-syr1001',
      'acled-syr1002',
      'acled-syr1008',
    ]);
    expect(await readdir(join(dir, 'layers'))).toEqual(['acled.geojson']);
  });

  it('stops before writing anything when the header lacks a column, or no row is good', async () => {
    const out = join(dir, 'reports');
    await expect(
      importAcled({
        ...opts,
        file: join(FIXTURES, 'acled/no-notes.csv'),
        out,
        bundle: false,
        manifest: MANIFEST,
      }),
    ).rejects.toThrow(/no-notes\.csv:1: the header lacks ACLED's column notes/);
    const bad = join(dir, 'bad.csv');
    await writeFile(
      bad,
      'event_id_cnty,event_date,event_type,sub_event_type,location,latitude,longitude,geo_precision,source,notes,fatalities\nX,never,Battles,Armed clash,Z,36,37,1,S,N,0\n',
    );
    await expect(
      importAcled({ ...opts, file: bad, out, bundle: true, manifest: MANIFEST }),
    ).rejects.toBeInstanceOf(ImportError);
    expect(await readdir(dir)).toEqual(['bad.csv']);
  });

  it('a manifest lists a folder of imported files and a bundle side by side; the loader reads both', async () => {
    const manifest = JSON.parse(await readFile(MANIFEST, 'utf8'));
    manifest.layers = [
      { id: 'places', kind: 'places', title: 'Places', path: 'places.geojson' },
      { id: 'reports', kind: 'reports', title: 'Reports', path: 'reports/' },
      { id: 'acled', kind: 'reports', title: 'ACLED events', path: 'layers/acled.geojson' },
    ];
    await writeFile(join(dir, 'dataset.json'), JSON.stringify(manifest));
    await writeFile(
      join(dir, 'places.geojson'),
      await readFile(join(FIXTURES, 'desk/places.geojson')),
    );
    await writeFile(join(dir, 'posts.json'), await readFile(join(FIXTURES, 'desk/posts.json')));
    const base = { ...opts, manifest: join(dir, 'dataset.json') };
    const csv = join(dir, 'bulk.csv');
    await writeAcledCsv(csv, 100);
    await importAcled({
      ...base,
      file: join(FIXTURES, 'acled/syria-sample.csv'),
      out: join(dir, 'reports'),
      bundle: false,
    });
    await importAcled({ ...base, file: csv, out: join(dir, 'layers/acled.geojson'), bundle: true });
    const { dataset: loaded, problems } = await loadDataset(
      pathToFileURL(join(dir, 'dataset.json')).href,
      readLocal,
    );
    expect(problems).toEqual([]);
    expect(loaded?.reports).toHaveLength(103);
  });

  it('imports 50,000 rows in one pass with progress', async () => {
    const csv = join(dir, 'big.csv');
    await writeAcledCsv(csv, 50_000);
    const seen: number[] = [];
    const out = join(dir, 'acled.geojson');
    const result = await importAcled({
      ...opts,
      file: csv,
      out,
      bundle: true,
      manifest: MANIFEST,
      onProgress: (_done, _total, rows) => seen.push(rows),
    });
    expect(result.skipped).toEqual([]);
    expect(result.imported).toBe(50_000);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(50_000);
    const fc = JSON.parse(await readFile(out, 'utf8'));
    expect(fc.features).toHaveLength(50_000);
  }, 120_000);
});
