/**
 * Opening a generated multi-MB year of real-shaped daily zones (the load benchmark's data,
 * scripts/lib/synthetic-real-zones.ts, 40 days here): the map that opened on the basemap while
 * the data loaded is the one the app draws on, the progress line moved, and the zones drawn and
 * compared come from the geometries the worker moved as packed buffers. Long tasks and times
 * are the benchmark's business (npm run bench -- --load), never asserted here.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeRealZonesDataset } from '../../scripts/lib/synthetic-real-zones';
import type { WithAutomation } from '../../src/automation';
import { openApp, type Session, startSession } from './driver';

let session: Session;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conflict-map-load-'));
  await writeRealZonesDataset(join(dir, 'real'), { days: 40 });
  session = await startSession([['/generated/', dir]]);
});
afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

it('opens a generated year of ragged daily zones on the map it opened early, progress moving', async () => {
  const statuses: string[] = [];
  const app = await openApp(session, '/?dataset=generated/real/dataset.json', undefined, {
    beforeGoto: (page) =>
      page
        .exposeFunction('noteStatus', (s: string) => statuses.push(s))
        .then(() =>
          page.addInitScript(() => {
            new MutationObserver(() => {
              const s = document.getElementById('boot-status')?.textContent;
              if (s) (window as unknown as { noteStatus(s: string): void }).noteStatus(s);
            }).observe(document, { subtree: true, childList: true, characterData: true });
          }),
        ),
  });
  expect(app.errors).toEqual([]);
  expect(statuses.some((s) => /\d+ of \d+ files/.test(s))).toBe(true);
  // One map, and it is inside the page's map section: the early map was adopted, not doubled.
  const canvases = await app.page.evaluate(() =>
    [...document.querySelectorAll('canvas.maplibregl-canvas')].map(
      (c) => c.closest('.map') !== null,
    ),
  );
  expect(canvases).toEqual([true]);
  expect(await app.rendered('zones')).toBe(1);
  // The zones' geometry, rebuilt from the packed buffers when read: the comparison's areas.
  const [a, b] = ['2016-01-03T12:00:00Z', '2016-02-05T12:00:00Z'].map(Date.parse);
  await app.page.evaluate(
    ([a, b]) => {
      const s = (window as unknown as WithAutomation).conflictMap.store.getState();
      s.setTime(b);
      s.setCompareA(a);
    },
    [a, b],
  );
  await expect
    .poll(() =>
      app.page.evaluate(() => {
        const c = (window as unknown as WithAutomation).conflictMap.store.getState().comparison;
        return c?.factions.find((f) => f.faction === 'regime')?.atA ?? 0;
      }),
    )
    .toBeGreaterThan(50_000);
  await app.page.close();
});

it('draws the day it opens at first, then every other day (newest first)', async () => {
  const app = await openApp(session, '/?dataset=generated/real/dataset.json', undefined, {
    beforeGoto: (page) =>
      page.addInitScript(() => {
        // When the map first goes idle: what it drew, what the page said, whether all was in.
        type Hook = WithAutomation['conflictMap'];
        let hook: Hook | undefined;
        Object.defineProperty(window, 'conflictMap', {
          configurable: true,
          get: () => hook,
          set(v: Hook) {
            hook = v;
            let allIn = false;
            // Every loading line the app showed.
            const lines: string[] = [];
            (window as unknown as { loadingLines: string[] }).loadingLines = lines;
            new MutationObserver(() => {
              const line = document.querySelector('.loading')?.textContent;
              if (line && lines.at(-1) !== line) lines.push(line);
            }).observe(document, { subtree: true, childList: true, characterData: true });
            v.ready.then(() => {
              allIn = true;
            });
            v.mapReady
              .then(() => v.whenIdle())
              .then(() => {
                (window as unknown as { firstDrawn: object }).firstDrawn = {
                  zones: v.renderedCount('zones'),
                  t: v.store.getState().t,
                  loading: document.querySelector('.loading')?.textContent ?? null,
                  allIn,
                };
                const canvas = document.querySelector('canvas.maplibregl-canvas');
                (window as unknown as { firstCanvas: number[] }).firstCanvas = [
                  canvas?.clientWidth ?? 0,
                  canvas?.clientHeight ?? 0,
                ];
              });
          },
        });
      }),
  });
  expect(app.errors).toEqual([]);
  const first = await app.page.evaluate(
    () => (window as unknown as { firstDrawn: object }).firstDrawn,
  );
  // The last post's day, drawn while the other days were still coming.
  const { posts } = JSON.parse(await readFile(join(dir, 'real/posts.json'), 'utf8'));
  expect(first).toEqual({
    zones: 1,
    t: Math.max(...posts.map((p: { published_at: string }) => Date.parse(p.published_at))),
    loading: 'Loading the other days…',
    allIn: false,
  });
  // While the other days were checked and triangulated, the line counted the steps.
  const lines = await app.page.evaluate(
    () => (window as unknown as { loadingLines: string[] }).loadingLines,
  );
  const steps = lines.flatMap((l) => {
    const m = /^Loading the other days… step (\d+) of (\d+)$/.exec(l);
    return m ? [[Number(m[1]), Number(m[2])]] : [];
  });
  expect(steps.length).toBeGreaterThan(1);
  expect(steps.at(-1)?.[0]).toBe(steps.at(-1)?.[1]);
  // Now every day is in: an early day's zone is drawn, and the loading line is gone.
  await app.page.evaluate(
    (t) => (window as unknown as WithAutomation).conflictMap.store.getState().setTime(t),
    Date.parse('2016-01-03T12:00:00Z'),
  );
  await app.idle();
  expect(await app.rendered('zones')).toBe(1);
  expect(await app.page.locator('.loading').count()).toBe(0);
  // And drawn from the new mesh's GPU buffers (put up a part per frame, zone-layer.ts): deep
  // inside that day's zone, the map's colour is not what it is with the zones hidden.
  const inside = await pointDeepInside(Date.parse('2016-01-03T12:00:00Z'));
  await app.page.evaluate(
    (at) =>
      (window as unknown as WithAutomation).conflictMap.store
        .getState()
        .setView({ center: at, zoom: 9 }, 'app'),
    inside,
  );
  await app.idle();
  const withZones = await app.colourAt(inside);
  await app.page.evaluate(() => {
    const s = (window as unknown as WithAutomation).conflictMap.store.getState();
    s.setVisible(s.visible.filter((k) => k !== 'zones'));
  });
  await app.idle();
  const without = await app.colourAt(inside);
  expect(withZones, `at ${inside}`).not.toEqual(without);
  // The line came and went over the map, not above it: the map kept its size (in the header, it
  // resized the map when it went: a layout shift and a resize that waited for the GPU).
  const sizes = await app.page.evaluate(() => {
    const canvas = document.querySelector('canvas.maplibregl-canvas');
    return {
      first: (window as unknown as { firstCanvas: number[] }).firstCanvas,
      now: [canvas?.clientWidth ?? 0, canvas?.clientHeight ?? 0],
    };
  });
  expect(sizes.first[1]).toBeGreaterThan(100);
  expect(sizes.now).toEqual(sizes.first);
  await app.page.close();
});

/** A point of the zone valid at `t` whose neighbours 0.05° around are inside it too. */
async function pointDeepInside(t: number): Promise<[number, number]> {
  const zones = JSON.parse(await readFile(join(dir, 'real/zones.geojson'), 'utf8'));
  const zone = zones.features.find(
    (f: { properties: { valid_from: string; valid_to?: string } }) =>
      Date.parse(f.properties.valid_from) <= t &&
      (!f.properties.valid_to || t < Date.parse(f.properties.valid_to)),
  );
  const geometry = zone.geometry as Polygon | MultiPolygon;
  const ring = (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0])[0];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const d = 0.05;
  for (let x = Math.min(...xs); x < Math.max(...xs); x += d)
    for (let y = Math.min(...ys); y < Math.max(...ys); y += d)
      if (
        [
          [0, 0],
          [d, 0],
          [-d, 0],
          [0, d],
          [0, -d],
        ].every(([dx, dy]) => booleanPointInPolygon([x + dx, y + dy], geometry))
      )
        return [x, y];
  throw new Error('no point deep inside the zone');
}
