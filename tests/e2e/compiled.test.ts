/**
 * The precompiled dataset in the built app (docs/compiled-data.md): `npm run build` writes
 * dist/data/dataset.compiled.bin, and the app opens the same map from it as from the GeoJSON,
 * falls back when it is missing, and ignores it when a source changed since it was compiled.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from './bundled-data';
import { type AppPage, openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** At the end of the dataset's time range, so every report is known. */
const END = `/#t=${manifest.time_range.end}`;

/** Opens the app, with `route` set up first; returns it and the loader's console notes. */
async function open(route?: (page: Page) => Promise<unknown>) {
  const notes: string[] = [];
  const app = await openApp(session, END, undefined, {
    beforeGoto: async (page) => {
      page.on('console', (m) => {
        if (m.text().startsWith('Precompiled dataset:')) notes.push(m.text());
      });
      await route?.(page);
    },
  });
  return { app, notes };
}

/** What a reader sees: the drawn features, the feed's count, the problem list's length. */
async function seen(app: AppPage) {
  return {
    zones: await app.rendered('zones'),
    fronts: await app.rendered('fronts'),
    places: await app.rendered('places'),
    reports: await app.rendered('reports'),
    feed: await app.page.locator('#feed-title').innerText(),
    problems: (await app.state<unknown[]>('problems')).length,
    errors: app.errors,
  };
}

describe('the precompiled bundled dataset', () => {
  it('opens from the compiled file, the GeoJSON, or a stale compiled file to the same map, and never shows a stale one', async () => {
    const compiled = await open();
    expect(compiled.notes.join('\n')).toMatch(/opened from .*dataset\.compiled\.bin/);
    const fromCompiled = await seen(compiled.app);
    expect(fromCompiled.zones).toBeGreaterThan(0);
    expect(fromCompiled.reports).toBeGreaterThan(0);
    expect(fromCompiled.errors).toEqual([]);

    const geojson = await open((page) =>
      page.route('**/dataset.compiled.bin', (r) => r.fulfill({ status: 404, body: 'not found' })),
    );
    expect(geojson.notes.join('\n')).toMatch(/none found/);
    expect(await seen(geojson.app)).toEqual(fromCompiled);

    // A source changed since compiling (one report file fewer in the folder's index): the
    // compiled file must not be used, and the map shows the changed data.
    const stale = await open((page) =>
      page.route('**/data/reports/index.json', async (r) => {
        const res = await r.fetch();
        const index = (await res.json()) as { files: string[] };
        await r.fulfill({ response: res, json: { files: index.files.slice(0, -1) } });
      }),
    );
    expect(stale.notes.join('\n')).toMatch(/source changed.*reports\/index\.json/);
    const fromStale = await seen(stale.app);
    const count = (feed: string) => Number(/\((\d+)/.exec(feed)?.[1]);
    expect(count(fromStale.feed)).toBe(count(fromCompiled.feed) - 1);
    expect(fromStale.errors).toEqual([]);
    for (const o of [compiled, geojson, stale]) await o.app.page.close();
  }, 180_000);
});
