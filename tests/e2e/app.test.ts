import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { reportById, reports } from './bundled-data';
import { type AppPage, openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const slider = (app: AppPage) => app.page.getByRole('slider', { name: /Time/ });
const valueText = (app: AppPage) => slider(app).getAttribute('aria-valuetext');

describe('the app on its bundled dataset', () => {
  it('loads with no console errors, draws zones, places and pins, and requests nothing off its origin', async () => {
    const app = await openApp(session, '/');
    expect(await app.rendered('zones')).toBeGreaterThan(0);
    expect(await app.rendered('places')).toBeGreaterThan(0);
    expect(await app.rendered('reports')).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    const origin = session.server.origin;
    const offOrigin = app.requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(offOrigin).toEqual([]);
    await expect
      .poll(() => app.page.locator('.maplibregl-ctrl-attrib').innerText())
      .toMatch(/GeoNames/);
    await app.page.close();
  });

  it('moving the slider changes what is drawn', async () => {
    const app = await openApp(session, '/');
    await slider(app).focus();
    await app.page.keyboard.press('End');
    await app.idle();
    const pinsAtEnd = await app.rendered('reports');
    const pixelsAtEnd = await app.page.locator('.map canvas').screenshot();
    await app.page.keyboard.press('Home');
    await app.idle();
    expect(await app.rendered('reports')).toBe(0);
    expect(pinsAtEnd).toBeGreaterThan(0);
    const pixelsAtStart = await app.page.locator('.map canvas').screenshot();
    expect(pixelsAtStart.equals(pixelsAtEnd)).toBe(false);
    await app.page.close();
  });

  it('answers the keyboard: Home/End, arrows, PageUp/PageDown, Space', async () => {
    const app = await openApp(session, '/');
    const [start, end] = await app.state<[number, number]>('domain');
    await slider(app).focus();
    await app.page.keyboard.press('Home');
    expect(await app.state('t')).toBe(start);
    expect(await valueText(app)).toMatch(/^\d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC$/);
    await app.page.keyboard.press('ArrowRight');
    const afterStep = await app.state<number>('t');
    expect(afterStep).toBeGreaterThan(start);
    await app.page.keyboard.press('PageDown');
    const firstPost = await app.state<number>('t');
    expect(firstPost).toBeGreaterThan(afterStep);
    await app.page.keyboard.press('PageDown');
    expect(await app.state<number>('t')).toBeGreaterThan(firstPost);
    await app.page.keyboard.press('PageUp');
    expect(await app.state('t')).toBe(firstPost);
    await app.page.keyboard.press('End');
    expect(await app.state('t')).toBe(end);
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('Space');
    await expect.poll(() => app.page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await expect.poll(() => app.state<number>('t')).toBeGreaterThan(start);
    await app.page.keyboard.press('Space');
    expect(await app.state('playing')).toBe(false);
    await app.page.close();
  });

  it('a scrub moves the thumb and clock at every step; the feed follows at most once a second', async () => {
    const app = await openApp(session, '/');
    const [start, end] = await app.state<[number, number]>('domain');
    const heading = app.page.getByRole('heading', { name: /^Reports so far/ });
    const thumbShare = () =>
      app.page.evaluate(() => {
        const track = document.querySelector('.slider-track')?.getBoundingClientRect();
        const thumb = document.querySelector('.slider-thumb')?.getBoundingClientRect();
        return track && thumb ? (thumb.x + thumb.width / 2 - track.x) / track.width : Number.NaN;
      });
    await slider(app).focus();
    await app.page.keyboard.press('End');
    // At the end every report is known: the count comes from the data files.
    const known = reports.filter((r) => Date.parse(r.properties.reported_at) <= end).length;
    await expect.poll(() => heading.innerText()).toBe(`Reports so far (${known})`);
    expect(await thumbShare()).toBeCloseTo(1, 2);
    // Two steps in one task, after a quiet spell: the first shows in the feed at once, the
    // second only when the feed's one-second window ends. The slider and clock show it at once.
    const seen = await app.page.evaluate(
      async ([start, end]) => {
        const { store } = (window as unknown as WithAutomation).conflictMap;
        // Quiet for longer than a window and its trailing call: the heading above may already
        // have shown the End count before End's own update, which the feed can still be holding
        // for up to a second (the opening time, the last post, can know as many reports).
        await new Promise((r) => setTimeout(r, 2100));
        store.getState().setTime(start);
        store.getState().setTime(start + ((end - start) * 3) / 4);
        await new Promise((r) => setTimeout(r, 0));
        return {
          feed: document.querySelector('#feed-title')?.textContent,
          clock: document.querySelector('.clock time')?.getAttribute('datetime'),
        };
      },
      [start, end],
    );
    expect(seen.feed).toBe('Reports so far (0)');
    expect(seen.clock).toBe(new Date(start + ((end - start) * 3) / 4).toISOString());
    expect(await thumbShare()).toBeCloseTo(0.75, 2);
    const listed = await app.page.evaluate(() => document.querySelectorAll('.feed-item').length);
    expect(listed).toBe(0);
    await expect.poll(() => heading.innerText()).not.toBe('Reports so far (0)');
    expect(await app.page.locator('.feed-item').count()).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('a deep link restores the moment and the view, and the URL follows the app', async () => {
    const app = await openApp(
      session,
      '/#t=2015-10-20T06:00:00Z&c=37.30000,36.10000&z=10.00&l=zones,places',
    );
    expect(await valueText(app)).toBe('20 October 2015, 06:00 UTC');
    const view = await app.state<{ center: [number, number]; zoom: number }>('view');
    expect(view.center[0]).toBeCloseTo(37.3, 4);
    expect(view.center[1]).toBeCloseTo(36.1, 4);
    expect(view.zoom).toBeCloseTo(10, 4);
    expect(await app.rendered('reports')).toBe(0);
    expect(await app.page.getByRole('checkbox', { name: /Reports/ }).isChecked()).toBe(false);
    await slider(app).focus();
    await app.page.keyboard.press('End');
    await expect
      .poll(() => app.page.evaluate(() => location.hash))
      .toMatch(/^#t=2015-12-01T00:00:00Z&c=37\.30000,36\.10000&z=10\.00&l=zones,places$/);
    await app.page.close();
  });

  it('choosing a report in the feed opens its popup with a link to the source', async () => {
    const app = await openApp(session, '/');
    const first = app.page.locator('.feed-item').first();
    const title = await first.locator('.feed-title').innerText();
    await first.click();
    const popup = app.page.locator('.maplibregl-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.locator('h3').innerText()).toBe(title);
    const href = await popup.getByRole('link', { name: 'Read the source' }).getAttribute('href');
    expect(href).toMatch(/^https?:\/\//);
    await app.page.close();
  });
  it('clicking a pin on the map opens its popup (pins drawn on the GPU are hit-tested too)', async () => {
    // The Judaydah report (its position from its file), drawn 8 px right of and 8 px above it.
    const pin = reportById('2015-10-23-judaydah');
    const [lon, lat] = pin.geometry.coordinates;
    const app = await openApp(
      session,
      `/#t=2015-10-23T23:34:00Z&c=${lon.toFixed(5)},${lat.toFixed(5)}&z=10.00&l=reports`,
    );
    const at = await app.page.evaluate(
      (p) => (window as unknown as WithAutomation).conflictMap.project(p),
      pin.geometry.coordinates,
    );
    const box = await app.page.locator('.map').boundingBox();
    if (!box) throw new Error('no map');
    await app.page.mouse.click(box.x + at.x + 8, box.y + at.y - 8);
    const popup = app.page.locator('.maplibregl-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.locator('h3').innerText()).toBe(pin.properties.title);
    expect(await app.state('selectedReport')).toBe('2015-10-23-judaydah');
    await app.page.close();
  });

  it("a place's popup shows its control history with sources, and claims that disagree", async () => {
    // al-Eis (pl.wikipedia position): rebel from 1 Oct, regime from 12 Nov, disputed that day.
    const app = await openApp(
      session,
      '/#t=2015-11-14T00:00:00Z&c=37.00056,35.99639&z=11.00&l=places',
    );
    const at = await app.page.evaluate(() =>
      (window as unknown as WithAutomation).conflictMap.project([37.00056, 35.99639]),
    );
    const box = await app.page.locator('.map').boundingBox();
    if (!box) throw new Error('no map');
    await app.page.mouse.click(box.x + at.x, box.y + at.y);
    const popup = app.page.locator('.maplibregl-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.locator('h3').innerText()).toBe('al-Eis');
    await popup.getByText('Control history and sources').click();
    const items = popup.locator('.popup-history > li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).locator('strong').innerText()).toMatch(
      /^held by Syrian opposition \(rebel\) groups from 1 October 2015/,
    );
    expect(await items.nth(1).locator('strong').innerText()).toMatch(
      /^taken by Syrian government and allies on 12 November 2015/,
    );
    expect(await items.nth(1).locator('.popup-disputed').count()).toBeGreaterThan(0);
    // Citations link their URLs (http(s) only), opening in a new tab.
    const links = items.nth(1).getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    await app.page.close();
  });

  it('a place changes colour when it changes hands (al-Hader, 12 Nov 2015 12:00 UTC)', async () => {
    const app = await openApp(
      session,
      '/#t=2015-11-12T11:00:00Z&c=37.05086,35.99024&z=11.00&l=places',
    );
    const atDot = () => app.colourAt([37.05086, 35.99024]);
    const near = (c: number[], hex: string) =>
      [1, 3, 5].every((i, k) => Math.abs(c[k] - Number.parseInt(hex.slice(i, i + 2), 16)) < 40);
    expect(near(await atDot(), '#009e73')).toBe(true);
    await app.page.getByRole('slider', { name: /Time/ }).focus();
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    await app.idle();
    expect(await app.state('t')).toBeGreaterThanOrEqual(Date.parse('2015-11-12T12:00:00Z'));
    expect(near(await atDot(), '#d55e00')).toBe(true);
    await app.page.close();
  });

  it('fits a 360 px wide phone without horizontal scrolling, slider and feed reachable', async () => {
    const app = await openApp(session, '/', { width: 360, height: 740 });
    const overflow = await app.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await slider(app).isVisible()).toBe(true);
    const box = await app.page.locator('.map').boundingBox();
    expect(box?.height).toBeGreaterThan(300);
    // The feed is in the map panel, a sheet on a phone (tests/e2e/readers.test.ts).
    await app.page.getByRole('button', { name: 'Map panel', exact: true }).click();
    await app.page.locator('.feed-item').first().scrollIntoViewIfNeeded();
    expect(await app.page.locator('.feed-item').first().isVisible()).toBe(true);
    await app.page.close();
  });
});

describe('progressive load', () => {
  it('the map is usable while a report file is still loading, and the pins join when it arrives', async () => {
    // Hold back one report file (requested by the loading worker) until the test lets it go.
    let release = () => {};
    const held = new Promise<void>((res) => {
      release = res;
    });
    const app = await openApp(session, '/', undefined, {
      until: 'mapReady',
      beforeGoto: async (page) => {
        // Progressive loading is the GeoJSON path's: a compiled file is used only once every
        // source is in and hashed (docs/compiled-data.md), so this page goes without it.
        await page.route('**/*.compiled.bin', (r) => r.fulfill({ status: 404, body: '' }));
        await page.context().route('**/reports/2015/2015-11-12-kuweires.geojson', async (route) => {
          await held;
          await route.continue();
        });
      },
    });
    // Zones and places are drawn, the loading line says reports are pending, the slider works.
    expect(await app.rendered('zones')).toBeGreaterThan(0);
    expect(await app.rendered('places')).toBeGreaterThan(0);
    expect(await app.page.getByRole('status').innerText()).toMatch(/Loading reports/);
    await slider(app).focus();
    await app.page.keyboard.press('End');
    await app.idle();
    expect(await app.rendered('reports')).toBe(0);
    expect(await valueText(app)).toBe('1 December 2015, 00:00 UTC'); // the range's end
    // The file arrives: the loading line goes, and the pins are drawn.
    release();
    await app.page.evaluate(() => (window as unknown as WithAutomation).conflictMap.ready);
    expect(await app.state('loading')).toBe(null);
    await app.idle();
    // The same pins as a page that loaded everything before opening, at the same moment.
    // The URL is written once the time rests.
    await expect
      .poll(() => app.page.evaluate(() => location.hash))
      .toMatch(/t=2015-12-01T00:00:00Z/);
    const whole = await openApp(session, `/${await app.page.evaluate(() => location.hash)}`);
    expect(await app.rendered('reports')).toBeGreaterThan(0);
    expect(await app.rendered('reports')).toBe(await whole.rendered('reports'));
    expect(app.errors).toEqual([]);
    await whole.page.close();
    await app.page.close();
  });
});

describe('bad input', () => {
  it('a broken layer shows a message naming the file and feature while the rest renders', async () => {
    const app = await openApp(
      session,
      '/?dataset=fixtures/broken/dataset.json#t=2015-11-19T00:00:00Z',
    );
    const alert = app.page.getByRole('alert', { name: 'Data problems' });
    const text = await alert.innerText();
    expect(text).toContain('layers/zones.geojson');
    expect(text).toContain('bad-pin');
    expect(text).toContain('source_url: must be an http(s) URL');
    expect(await app.rendered('places')).toBe(1);
    expect(await app.rendered('reports')).toBe(1);
    expect(await app.rendered('zones')).toBe(0);
    await app.page.close();
  });

  it('text from data is shown as text, never run as HTML', async () => {
    const app = await openApp(
      session,
      '/?dataset=fixtures/mini/dataset.json#t=2015-11-19T00:00:00Z',
    );
    await app.page.locator('.feed-item', { hasText: 'Earlier report' }).click();
    const popup = app.page.locator('.maplibregl-popup');
    await expect.poll(() => popup.count()).toBe(1);
    // Rendered as HTML, the entities would turn into an <img> element; as text they stay.
    expect(await popup.locator('.popup-text').innerText()).toContain(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(await popup.locator('img').count()).toBe(0);
    await app.page.close();
  });
});
describe('the JS budget', () => {
  it("loads at most 60 KB gzip of the app's own JavaScript (MapLibre aside) to open the map", async () => {
    const scripts = new Set<string>();
    const app = await openApp(session, '/', undefined, {
      beforeGoto: async (page) => {
        page.on('request', (r) => {
          const path = new URL(r.url()).pathname;
          if (path.endsWith('.js')) scripts.add(path.split('/').pop() as string);
        });
      },
    });
    await app.idle();
    const own = [...scripts].filter((f) => !f.startsWith('maplibre'));
    // The main chunk and the loading worker at least; the validator, drafting and the changes
    // log are chunks fetched on first use.
    expect(own.some((f) => f.startsWith('index-'))).toBe(true);
    expect(own.some((f) => f.startsWith('load-worker'))).toBe(true);
    const bytes = own.reduce(
      (n, f) =>
        n + gzipSync(readFileSync(new URL(`../../dist/assets/${f}`, import.meta.url))).length,
      0,
    );
    expect(bytes).toBeLessThan(60 * 1024);
    await app.page.close();
  });
});
