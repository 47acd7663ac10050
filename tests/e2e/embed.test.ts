import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { exportLayout } from '../../src/lib/export-compose';
import { embedCode, embedUrl } from '../../src/lib/share-links';
import { openApp, type Session, startSession } from './driver';
import { inspectPng, pngSize } from './png';

const ROOT = resolve(import.meta.dirname, '../..');
const T = '2015-10-23T23:34:00Z';
const MOMENT = `#t=${T}&c=37.2,36.05&z=9&l=zones,places,reports`;
const manifest = JSON.parse(await readFile(join(ROOT, 'data/dataset.json'), 'utf8'));
const factionColors: string[] = manifest.factions.map((f: { color: string }) => f.color);

let session: Session;
let hostDir: string;
let origin: string;
beforeAll(async () => {
  hostDir = await mkdtemp(join(tmpdir(), 'embed-host-'));
  session = await startSession([['/host/', hostDir]]);
  origin = session.server.origin;
});
afterAll(async () => {
  await session?.close();
  await rm(hostDir, { recursive: true, force: true });
});

/** Records every use of storage and cookies, in every frame, before any page script runs. */
function trackStorage() {
  const w = window as unknown as { storageUses: string[] };
  w.storageUses = [];
  for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key'] as const) {
    const original = Storage.prototype[name] as (...a: unknown[]) => unknown;
    (Storage.prototype as unknown as Record<string, unknown>)[name] = function (
      this: Storage,
      ...a: unknown[]
    ) {
      w.storageUses.push(`storage.${name}`);
      return original.apply(this, a);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() {
      w.storageUses.push('cookie');
      return cookie?.get?.call(this);
    },
    set(v) {
      w.storageUses.push('cookie');
      cookie?.set?.call(this, v);
    },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...a: [string, number?]) {
    w.storageUses.push('indexedDB');
    return open.apply(this, a);
  };
}

/** Writes a host article with `iframe` in it and returns its path on the test server. */
async function hostPage(name: string, iframe: string): Promise<string> {
  const filler = '<p>The fighting south of Aleppo continued through the night.</p>'.repeat(60);
  await writeFile(
    join(hostDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head>` +
      `<body><h1>Aleppo, 23 October 2015</h1>${iframe}${filler}</body></html>`,
  );
  return `/host/${name}`;
}

/** The embedded app inside the host page, once its map is drawn. */
async function embedFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('no iframe content');
  await frame.waitForFunction(() => 'conflictMap' in window, undefined, { timeout: 60_000 });
  await frame.evaluate(() => (window as unknown as WithAutomation).conflictMap.ready);
  await frame.evaluate(() => (window as unknown as WithAutomation).conflictMap.whenIdle());
  return frame;
}

const stateIn = (frame: Frame | Page, key: 't' | 'view') =>
  frame.evaluate((k) => (window as unknown as WithAutomation).conflictMap.store.getState()[k], key);

describe('embedding', () => {
  it('a host page with a locked iframe shows that moment, no slider, no storage, and scrolls past it', async () => {
    const src = embedUrl(
      `${origin}/`,
      {
        t: Date.parse(T),
        center: [37.2, 36.05],
        zoom: 9,
        layers: ['zones', 'places', 'reports'],
      },
      'locked',
    );
    const path = await hostPage(
      'locked.html',
      embedCode({ src, width: 640, height: 400, title: 'Aleppo front on 23 October 2015' }),
    );
    const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.addInitScript(trackStorage);
    await page.goto(origin + path);
    const frame = await embedFrame(page);
    expect(await stateIn(frame, 't')).toBe(Date.parse(T));
    expect(await frame.locator('.embed-date').innerText()).toBe('23 October 2015, 23:34 UTC');
    expect(await frame.getByRole('slider').count()).toBe(0);
    expect(await frame.locator('.app-header, .panel, .share-button').count()).toBe(0);
    expect(await frame.getByRole('list', { name: 'Legend' }).innerText()).toContain(
      manifest.factions[0].label,
    );
    expect(await frame.locator('.embed-attribution').innerText()).toBe(manifest.attribution);
    const open = frame.getByRole('link', { name: 'Open the full map' });
    const href = new URL((await open.getAttribute('href')) ?? '');
    expect(href.searchParams.has('embed')).toBe(false);
    expect(href.hash).toContain(`t=${T}`);
    expect(
      await frame.evaluate(() =>
        (window as unknown as WithAutomation).conflictMap.renderedCount('zones'),
      ),
    ).toBeGreaterThan(0);
    // Locked: the time keys do nothing.
    await frame.locator('body').press('End');
    expect(await stateIn(frame, 't')).toBe(Date.parse(T));
    // Cooperative gestures: a plain wheel over the map scrolls the article, not the map.
    expect(await frame.locator('.maplibregl-cooperative-gestures').count()).toBe(1);
    const box = await page.locator('iframe').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 320, (box?.y ?? 0) + 200);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(((await stateIn(frame, 'view')) as { zoom: number }).zoom).toBe(9);
    // No storage, no cookies, in the host or the embed.
    expect(
      await frame.evaluate(() => (window as unknown as { storageUses: string[] }).storageUses),
    ).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { storageUses: string[] }).storageUses),
    ).toEqual([]);
    await page.close();
  });

  it('a replayable embed has a compact slider that scrubs time', async () => {
    const app = await openApp(session, `/?embed=replayable${MOMENT}`, { width: 640, height: 400 });
    const slider = app.page.getByRole('slider', { name: 'Time' });
    expect(await slider.isVisible()).toBe(true);
    const [start, end] = await app.state<[number, number]>('domain');
    await slider.focus();
    await app.page.keyboard.press('Home');
    await app.idle();
    expect(await app.state('t')).toBe(start);
    expect(await app.rendered('reports')).toBe(0);
    expect(await app.page.locator('.embed-date').innerText()).toBe('1 October 2015, 00:00 UTC'); // the range's start
    await app.page.keyboard.press('End');
    await app.idle();
    expect(await app.state('t')).toBe(end);
    expect(await app.rendered('reports')).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('fits from 300 × 250 (and a 320 px column) up to 1280 × 800 without horizontal scrolling', async () => {
    for (const [mode, width, height] of [
      ['replayable', 320, 250],
      ['locked', 300, 250],
      ['replayable', 1280, 800],
    ] as const) {
      const app = await openApp(session, `/?embed=${mode}${MOMENT}`, { width, height });
      const overflow = await app.page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      expect(overflow, `${mode} ${width}x${height}`).toEqual({ x: 0, y: 0 });
      const map = await app.page.locator('.map').boundingBox();
      expect(map?.height).toBeGreaterThan(100);
      expect(map?.width).toBe(width);
      expect(await app.page.getByRole('link', { name: 'Open the full map' }).isVisible()).toBe(
        true,
      );
      await app.page.close();
    }
  });
});

describe('sharing and export', () => {
  it('the Share dialog is keyboard accessible and gives the link and the embed code', async () => {
    const app = await openApp(session, `/${MOMENT}`);
    const share = app.page.getByRole('button', { name: 'Share / export' });
    await share.click();
    const dialog = app.page.getByRole('dialog', { name: 'Share this moment' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const link = await app.page.getByRole('textbox', { name: 'Link to this moment' }).inputValue();
    expect(link).toBe(
      `${app.page.url().split('#')[0]}#t=${T}&c=37.20000,36.05000&z=9.00&l=zones,places,reports`,
    );
    const code = app.page.getByRole('textbox', { name: 'Embed code' });
    expect(await code.inputValue()).toContain('embed=locked');
    await app.page.getByRole('radio', { name: /Replayable/ }).check();
    expect(await code.inputValue()).toContain('embed=replayable');
    expect(await code.inputValue()).toMatch(/loading="lazy" allowfullscreen/);
    expect(await app.page.locator('.share-preview iframe').getAttribute('src')).toContain(
      'embed=replayable',
    );
    await app.page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect
      .poll(() => app.page.getByRole('status').last().innerText())
      .toBe('Embed code copied');
    // Focus stays in the dialog while it is open; Escape closes it and focus goes back.
    for (let i = 0; i < 12; i++) {
      await app.page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await app.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await share.evaluate((b) => b === document.activeElement)).toBe(true);
    await app.page.close();
  });

  it('Download PNG saves the chosen size, named with the dataset and date, with the legend colours', async () => {
    const app = await openApp(session, `/${MOMENT}`);
    await app.page.getByRole('button', { name: 'Share / export' }).click();
    await app.page
      .getByRole('combobox', { name: 'Image size' })
      .selectOption({ label: '1080 × 1080 (square, social)' });
    const [download] = await Promise.all([
      // Software WebGL draws the 1080 × 1080 map on the CPU: allow it time.
      app.page.waitForEvent('download', { timeout: 150_000 }),
      app.page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'aleppo-idlib-hama-and-latakia-fronts-october-november-2015_2015-10-23-2334utc.png',
    );
    const png = await readFile(await download.path());
    expect(pngSize(png)).toEqual({ width: 1080, height: 1080 });
    const legend = exportLayout(1080, 1080, factionColors.length + 1).legend;
    // Each faction's swatch (14 × 14 px) is in the legend box: more than a place dot's worth.
    // The swatch column only: the labels' dark anti-aliased text is not in it.
    const swatches = { x: legend.x + 8, y: legend.y, w: 18, h: legend.h };
    const seen = await inspectPng(app.page, png, {
      region: swatches,
      colors: factionColors,
      minPixels: 150,
    });
    expect(seen.distinctColors).toBeGreaterThan(50);
    expect(seen.found).toEqual(factionColors);
    // 2× for print doubles the pixels (a small size: software WebGL draws every pixel on the CPU).
    const print = await app.page.evaluate(() =>
      (window as unknown as WithAutomation).conflictMap.exportImage({
        width: 400,
        height: 300,
        pixelRatio: 2,
      }),
    );
    expect(pngSize(Buffer.from(print.split(',')[1], 'base64'))).toEqual({
      width: 800,
      height: 600,
    });
    expect(app.errors).toEqual([]);
    await app.page.close();
  }, 240_000);

  it('npm run snapshot writes the image the app exports, and refuses bad arguments', async () => {
    const run = promisify(execFile);
    const out = join(hostDir, 'snapshot.png');
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const args = ['scripts/snapshot.ts', '--t', T, '--center', '37.2,36.05', '--zoom', '9'];
    await run(tsx, [...args, '--size', '1200x675', '--out', out], { cwd: ROOT });
    const cli = await readFile(out);
    expect(pngSize(cli)).toEqual({ width: 1200, height: 675 });

    const app = await openApp(session, `/${MOMENT}`);
    const dataUrl = await app.page.evaluate(() =>
      (window as unknown as WithAutomation).conflictMap.exportImage({
        width: 1200,
        height: 675,
        pixelRatio: 1,
      }),
    );
    const inApp = Buffer.from(dataUrl.split(',')[1], 'base64');
    const compared = await inspectPng(app.page, cli, { other: inApp });
    expect(compared.meanDiff).not.toBeNull();
    expect(compared.meanDiff).toBeLessThan(2);
    await app.page.close();

    const bad = await run(tsx, [...args, '--size', '1200', '--out', out], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toContain('snapshot: --size "1200" must be <width>x<height>');
  }, 240_000);
});
