/**
 * What a visitor sees before the data is in (issue 13, cold start): the header names the
 * dataset from its manifest alone, while the layers are still loading; the app then takes over.
 * The layers are held back by routing, so "still loading" is certain, not a race.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { EARLY_MAP_WARM } from '../../src/map/warm-up-layers';
import { manifest } from './bundled-data';
import { type Session, startSession } from './driver';

const SLOW = { timeout: 30_000 };

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Opens `path` with every layer file held back; `release` lets them through. */
async function openHeld(
  path: string,
  initScript?: string,
): Promise<{ page: Page; release(): Promise<void> }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (initScript) await page.addInitScript({ content: initScript });
  const held: Route[] = [];
  let released = false;
  await page.route('**/data/layers/**', (route) => {
    if (released) return route.continue();
    held.push(route);
  });
  await page.goto(session.server.origin + path);
  return {
    page,
    release: async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

/** Waits until the app has everything in and the map has drawn it. */
async function untilDrawn(page: Page) {
  await page.waitForFunction(() => 'conflictMap' in window, undefined, SLOW);
  await page.evaluate(async () => {
    const hook = (window as unknown as WithAutomation).conflictMap;
    await hook.ready;
    await hook.whenIdle();
  });
}

describe('before the data is in', () => {
  it("the header shows the dataset's title and description from the manifest; the app then replaces it", async () => {
    const { page, release } = await openHeld('/');
    const boot = page.locator('#boot-header');
    await expect.poll(() => boot.locator('h1').textContent(), SLOW).toBe(manifest.title);
    expect(await boot.locator('p').textContent()).toBe(manifest.description);
    expect(await page.title()).toBe(manifest.title);
    expect(await page.getByRole('status').first().textContent()).toMatch(/^Loading data/);
    await release();
    await page.waitForFunction(() => 'conflictMap' in window, undefined, SLOW);
    expect(await boot.count()).toBe(0);
    expect(await page.locator('.app-header h1').textContent()).toBe(manifest.title);
    await page.close();
  });

  it('an embed shows no header while it loads', async () => {
    const { page, release } = await openHeld('/?embed=locked');
    // In the page until the app's script runs, which takes it out.
    await expect.poll(() => page.locator('#boot-header').count(), SLOW).toBe(0);
    expect(await page.getByRole('status').first().textContent()).toMatch(/^Loading data/);
    await release();
    await page.close();
  });

  it('the hidden early map builds every WebGL program the first frame with data needs', async () => {
    // Each program the page creates, counted (in software WebGL, one built in the first full-size
    // frame made the page wait 100–450 ms: docs/performance.md, "Cold start").
    const { page, release } = await openHeld(
      '/',
      `window.__programs = 0;
       const create = WebGL2RenderingContext.prototype.createProgram;
       WebGL2RenderingContext.prototype.createProgram = function () {
         window.__programs++;
         return create.call(this);
       };`,
    );
    const programs = () =>
      page.evaluate(() => (window as unknown as { __programs: number }).__programs);
    // The early map has drawn its warm-up, the layers still held back.
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      EARLY_MAP_WARM,
      SLOW,
    );
    const warmed = await programs();
    expect(warmed).toBeGreaterThan(0);
    await release();
    await untilDrawn(page);
    // Places, fronts, labels and zones are all drawn by now, on programs built before.
    const drawn = await page.evaluate(() => ({
      places: (window as unknown as WithAutomation).conflictMap.renderedCount('places'),
    }));
    expect(drawn.places).toBeGreaterThan(0);
    expect(await programs()).toBe(warmed);
    // Adopted at 2 px, resized once the GPU process was done with the warm-up: by `ready` the
    // canvas fills the map's container.
    const sizes = await page.evaluate(() => {
      const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const box = canvas.closest('.maplibregl-map')?.parentElement as HTMLElement;
      return [canvas.clientWidth, canvas.clientHeight, box.clientWidth, box.clientHeight];
    });
    expect(sizes[0]).toBeGreaterThan(100);
    expect(sizes.slice(0, 2)).toEqual(sizes.slice(2));
    await page.close();
  });

  it('nothing on the page moves while the app opens (no layout shift)', async () => {
    // The attribution line added to the 2 px map moved when the map grew; the loading line in
    // the header moved the map when it went (docs/performance.md, "Cold start").
    const { page, release } = await openHeld(
      '/',
      `window.__shifts = [];
       new PerformanceObserver((list) => {
         for (const e of list.getEntries())
           window.__shifts.push([e.value, ...(e.sources ?? []).map((s) => s.node?.className ?? '')]);
       }).observe({ type: 'layout-shift', buffered: true });`,
    );
    await release();
    await untilDrawn(page);
    expect(
      await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts),
    ).toEqual([]);
    await page.close();
  });
});
