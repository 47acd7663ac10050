/** Bring your own data (issue 17): 50,000 ACLED rows imported as one bundle open in the app
 * with a handful of requests, not 50,000. */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAcled } from '../../scripts/lib/import-acled';
import { writeAcledCsv } from '../../scripts/lib/synthetic-acled';
import { openApp, type Session, startSession } from './driver';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const ROWS = 50_000;
let session: Session;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acled-e2e-'));
  const manifest = {
    title: 'Fixture: an imported ACLED export',
    description: 'Synthetic ACLED rows imported with npm run import -- --bundle.',
    time_range: { start: '2015-10-01T00:00:00Z', end: '2015-12-01T00:00:00Z' },
    default_view: {
      center: [37.1, 36.0],
      zoom: 8,
      bounds: [
        [32.0, 29.0],
        [48.5, 39.5],
      ],
    },
    factions: [
      { id: 'regime', label: 'Syrian government and allies', color: '#d55e00' },
      { id: 'rebel', label: 'Syrian opposition', color: '#009e73' },
      { id: 'isis', label: 'Islamic State', color: '#3b3b3b' },
    ],
    posts: 'posts.json',
    layers: [
      { id: 'places', kind: 'places', title: 'Places', path: 'places.geojson' },
      { id: 'acled', kind: 'reports', title: 'ACLED events', path: 'acled.geojson' },
    ],
    basemap: [],
    attribution: 'ACLED (synthetic rows)',
    sources: [{ name: 'ACLED', license: 'ACLED terms of use' }],
  };
  await writeFile(join(dir, 'dataset.json'), JSON.stringify(manifest));
  await copyFile(join(FIXTURES, 'desk/posts.json'), join(dir, 'posts.json'));
  await copyFile(join(FIXTURES, 'desk/places.geojson'), join(dir, 'places.geojson'));
  await writeAcledCsv(join(dir, 'acled.csv'), ROWS);
  const result = await importAcled({
    file: join(dir, 'acled.csv'),
    out: join(dir, 'acled.geojson'),
    bundle: true,
    manifest: join(dir, 'dataset.json'),
    sourceUrl: 'https://acleddata.com/',
    status: 'unconfirmed',
  });
  expect(result.imported).toBe(ROWS);
  session = await startSession([['/acled/', dir]]);
}, 180_000);
afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('an imported bundle', () => {
  it('opens 50,000 imported reports from one file: every one is counted, filterable, with a few requests', async () => {
    const app = await openApp(session, '/?dataset=acled/dataset.json#t=2015-12-01T00:00:00Z');
    const data = app.requests.filter((u) => new URL(u).pathname.startsWith('/acled/'));
    // Each data file once, plus: the manifest a second time (the header reads it alone while
    // the worker loads, ui/boot-header.ts) and the look for a compiled file (none here, so the
    // GeoJSON is read: docs/compiled-data.md).
    expect(data.map((u) => new URL(u).pathname).sort()).toEqual([
      '/acled/acled.geojson',
      '/acled/dataset.compiled.bin',
      '/acled/dataset.json',
      '/acled/dataset.json',
      '/acled/places.geojson',
      '/acled/posts.json',
    ]);
    expect(app.requests.length).toBeLessThan(60);
    await expect
      .poll(() => app.page.locator('#feed-title').innerText(), { timeout: 60_000 })
      .toBe(`Reports so far (${ROWS.toLocaleString('en')})`);
    expect(await app.rendered('reports')).toBeGreaterThan(1000);
    // The importer's categories and outlets reach the filter panel.
    const panel = app.page.getByRole('region', { name: 'Filter reports' });
    await panel.getByRole('checkbox', { name: /^Air\/drone strike/ }).check();
    await expect
      .poll(() => app.page.locator('#feed-title').innerText())
      .toMatch(/^Reports so far \([\d,]+ of 50,000, filtered\)$/);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });
});
