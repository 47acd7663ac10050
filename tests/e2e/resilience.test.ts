/**
 * The paths users meet when something goes wrong, in the built app: no loading worker, a worker
 * that dies mid-load, a manifest that cannot load, a ?dataset= on another site, a hash edited by
 * hand after load, and draft storage that is corrupt or refuses writes. Each runs on the small
 * pixel fixture (tests/fixtures/pixels: 2 zones at 8 Nov, 3 pins) so the counts are known.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { DRAFT_KEY } from '../../src/state/draft-storage';
import { type AppPage, openApp, type Session, startSession } from './driver';

const FIXTURE = '?dataset=fixtures/pixels/dataset.json';
const MOMENT = '#t=2015-11-08T00:00:00Z&c=37.00000,36.00000&z=10.00&l=zones,reports';
/** Polls on software WebGL: loading and a first frame take seconds, not the default second. */
const SLOW = { timeout: 30_000 };

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Errors thrown in the page (not console noise such as a refused request). */
const thrown = (app: AppPage) => app.errors.filter((e) => !/Failed to load resource/.test(e));

/** Opens a page that may never expose the automation hook (a fatal error), with its errors. */
async function openRaw(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(session.server.origin + path);
  return { page, errors };
}

describe('loading without the worker', () => {
  it('when the loading worker cannot start, the main thread loads the dataset instead', async () => {
    const workerUrls: string[] = [];
    const app = await openApp(session, `/${FIXTURE}${MOMENT}`, undefined, {
      beforeGoto: async (page) => {
        await page.context().route('**/assets/load-worker-*.js', (route) => {
          workerUrls.push(route.request().url());
          return route.abort();
        });
      },
    });
    expect(workerUrls).toHaveLength(1);
    // The main thread fetched the loader chunk the worker would have used, and drew everything.
    expect(app.requests.some((u) => /\/assets\/load-[\w-]+\.js$/.test(u))).toBe(true);
    // north-rebel, east-contested and south-regime are active on 8 Nov (tests/fixtures/pixels).
    expect(await app.rendered('zones')).toBe(3);
    expect(await app.rendered('reports')).toBe(2);
    expect(await app.state('loading')).toBeNull();
    expect(thrown(app)).toEqual([]);
    await app.page.close();
  });

  it('when the worker dies mid-load, the main thread starts over and the app opens whole', async () => {
    // The worker script is replaced by one that reports progress, then throws: an uncaught
    // error in a worker (a crash, running out of memory) reaches the page as an error event.
    const app = await openApp(session, `/${FIXTURE}${MOMENT}`, undefined, {
      beforeGoto: async (page) => {
        await page.context().route('**/assets/load-worker-*.js', (route) =>
          route.fulfill({
            contentType: 'text/javascript',
            body: `self.onmessage = () => {
              self.postMessage({ type: 'progress', done: 1, total: 3 });
              throw new Error('the worker died mid-load');
            };`,
          }),
        );
      },
    });
    // north-rebel, east-contested and south-regime are active on 8 Nov (tests/fixtures/pixels).
    expect(await app.rendered('zones')).toBe(3);
    expect(await app.rendered('reports')).toBe(2);
    expect(await app.state('loading')).toBeNull();
    expect(await app.state('problems')).toEqual([]);
    expect(thrown(app)).toEqual([]);
    await app.page.close();
  });
});

describe('a dataset that cannot be used', () => {
  it('a manifest that is missing: an alert names it and why, and no map opens', async () => {
    const { page, errors } = await openRaw('/?dataset=fixtures/none/dataset.json');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), SLOW).toBe(1);
    expect(await alert.locator('h1').innerText()).toBe('The dataset could not be loaded');
    expect(await alert.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^dataset\.json.*could not be loaded \(.*404/),
    ]);
    expect(await page.locator('.map canvas').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a manifest that is not a manifest: the alert says what is wrong with it', async () => {
    const { page, errors } = await openRaw('/?dataset=fixtures/pixels/posts.json');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), SLOW).toBe(1);
    const items = await alert.locator('li').allInnerTexts();
    expect(items).toContainEqual(
      expect.stringMatching(/^posts\.json.*title: must be a non-empty string/),
    );
    expect(items).toContainEqual(expect.stringMatching(/factions: must list at least one faction/));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a ?dataset= on another site is refused, named in the problems, never requested; the default dataset loads', async () => {
    const app = await openApp(session, '/?dataset=https://example.org/dataset.json');
    const alert = app.page.getByRole('alert', { name: 'Data problems' });
    expect(await alert.innerText()).toMatch(
      /dataset: The dataset parameter may only name a manifest on this site \(http:\/\/127\.0\.0\.1:\d+\); loading the default dataset\./,
    );
    expect(app.requests.filter((u) => new URL(u).host === 'example.org')).toEqual([]);
    expect(app.requests).toContain(`${session.server.origin}/data/dataset.json`);
    expect(await app.rendered('zones')).toBeGreaterThan(0);
    await app.page.close();
  });
});

describe('editing the URL by hand after load', () => {
  it('a new hash moves the time, the view and the layers, and the map redraws', async () => {
    const app = await openApp(session, `/${FIXTURE}${MOMENT}`);
    const slider = app.page.getByRole('slider', { name: /Time/ });
    expect(await app.rendered('reports')).toBe(2);
    await app.page.evaluate(() => {
      location.hash = '#t=2015-11-04T00:00:00Z&c=37.05000,35.95000&z=11.00&l=zones';
    });
    await expect
      .poll(() => slider.getAttribute('aria-valuetext'), SLOW)
      .toBe('4 November 2015, 00:00 UTC');
    await app.idle();
    const view = await app.state<{ center: [number, number]; zoom: number }>('view');
    expect(view.center[0]).toBeCloseTo(37.05, 5);
    expect(view.center[1]).toBeCloseTo(35.95, 5);
    expect(view.zoom).toBeCloseTo(11, 5);
    // On 4 Nov only the south zone exists; the reports layer is off.
    expect(await app.rendered('zones')).toBe(1);
    expect(await app.rendered('reports')).toBe(0);
    expect(await app.page.getByRole('checkbox', { name: 'Reports', exact: true }).isChecked()).toBe(
      false,
    );
    // The map's centre is where the hash says, to the pixel.
    const centre = await app.page.evaluate(() =>
      (window as unknown as WithAutomation).conflictMap.project([37.05, 35.95]),
    );
    const box = await app.page.locator('.map').boundingBox();
    if (!box) throw new Error('no map');
    expect(Math.abs(centre.x - box.width / 2)).toBeLessThan(1);
    expect(Math.abs(centre.y - box.height / 2)).toBeLessThan(1);
    // A hash with a bad part keeps the rest: a broken time leaves the time, the zoom applies.
    await app.page.evaluate(() => {
      location.hash = '#t=yesterday&z=9.00';
    });
    await expect
      .poll(() => app.state<{ zoom: number }>('view').then((v) => v.zoom), SLOW)
      .toBeCloseTo(9, 5);
    expect(await slider.getAttribute('aria-valuetext')).toBe('4 November 2015, 00:00 UTC');
    expect(thrown(app)).toEqual([]);
    await app.page.close();
  });
});

describe('draft storage', () => {
  for (const [what, stored] of [
    ['corrupt JSON', '{"title": "Half a dra'],
    ['JSON of the wrong shape (a list)', '["title"]'],
    [
      'a draft whose fields have the wrong types',
      '{"title": "T", "lon": "east", "lat": {}, "text": 5}',
    ],
    ['a draft missing its fields', '{"title": "T"}'],
  ] as const)
    it(`${what}: the app opens without errors and offers a new draft`, async () => {
      const app = await openApp(session, `/${FIXTURE}${MOMENT}`, undefined, {
        beforeGoto: (page) =>
          page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
            DRAFT_KEY,
            stored,
          ] as const),
      });
      expect(await app.page.getByRole('button', { name: 'Draft a pin' }).isVisible()).toBe(true);
      expect(await app.state('drafting')).toBe(false);
      expect(await app.rendered('draft')).toBe(0);
      expect(thrown(app)).toEqual([]);
      await app.page.close();
    });

  it('storage that refuses writes: drafting still works, in memory, up to a valid file', async () => {
    const app = await openApp(session, `/${FIXTURE}${MOMENT}`, undefined, {
      beforeGoto: (page) =>
        page.addInitScript(() => {
          Storage.prototype.setItem = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        }),
    });
    await app.page.getByRole('button', { name: 'Draft a pin' }).click();
    // The form is a chunk loaded on first use: a user clicks the map once it asks for it.
    await expect.poll(() => app.state('drafting')).toBe(true);
    const at = await app.page.evaluate(() =>
      (window as unknown as WithAutomation).conflictMap.project([37.03, 36.01]),
    );
    const box = await app.page.locator('.map').boundingBox();
    if (!box) throw new Error('no map');
    await app.page.mouse.click(box.x + at.x, box.y + at.y);
    await app.idle();
    expect(await app.rendered('draft')).toBe(1);
    const form = app.page.locator('.draft');
    await form.getByLabel('Title (short, English)').fill('Clashes east of the town');
    await form.getByLabel('Text, in the original language, in your own words').fill('اشتباكات');
    await form.getByLabel('Source URL').fill('https://example.org/clashes');
    await form.getByLabel('Category').selectOption('armed-clash');
    await expect
      .poll(() => form.getByRole('button', { name: 'Download file' }).isEnabled(), SLOW)
      .toBe(true);
    expect(await app.page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY)).toBeNull();
    expect(thrown(app)).toEqual([]);
    await app.page.close();
  });
});
