/**
 * Every reader (issue 16): icons drawn as SVG shipped with the app, whatever fonts the system
 * has; a content security policy that holds against hostile report text and that the app's own
 * code never trips; a phone layout where the slider spans the screen and the panel is a sheet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, openApp, type Session, startSession } from './driver';

const require = createRequire(import.meta.url);

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

interface Probe {
  __csp: string[];
  __pwned?: string;
}

describe('content security policy', () => {
  it('hostile report text runs nothing and fetches nothing; scrub, popup and PNG export trip no policy', async () => {
    const app = await openApp(
      session,
      '/?dataset=fixtures/hostile/dataset.json#t=2015-11-19T00:00:00Z',
      undefined,
      {
        // Runs before the page's own scripts (and outside its policy): records every violation.
        beforeGoto: async (page) => {
          await page.addInitScript(() => {
            const w = window as unknown as Probe;
            w.__csp = [];
            document.addEventListener('securitypolicyviolation', (e) =>
              w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`),
            );
          });
        },
      },
    );
    const { page } = app;
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");

    // The manifest's title and description (not checked for markup) and a report's text (its
    // tags are refused by the validator, so a javascript: URL and escaped markup) stay text.
    const header = page.locator('.app-header');
    expect(await header.locator('h1').innerText()).toContain(
      '<script>window.__pwned="title"</script>',
    );
    expect(await header.innerText()).toContain('onerror=');
    // (The header's one link is the app's own: the interface in the other language.)
    expect(await header.locator('h1, p').locator('img, script, a').count()).toBe(0);
    expect(await header.locator('img, script').count()).toBe(0);
    await page.locator('.feed-item', { hasText: 'Earlier report' }).click();
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.locator('.popup-text').innerText()).toContain(
      "javascript:window.__pwned='link'",
    );
    expect(await popup.locator('img, script, a[href^="javascript:"]').count()).toBe(0);

    const slider = page.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await app.idle();
    await page.keyboard.press('End');
    await app.idle();

    await page.getByRole('button', { name: 'Share / export' }).click();
    const [download] = await Promise.all([
      // Software WebGL draws the export on the CPU: allow it time.
      page.waitForEvent('download', { timeout: 150_000 }),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);

    expect(await page.evaluate(() => (window as unknown as Probe).__pwned)).toBeUndefined();
    expect(app.requests.filter((u) => /pwned/.test(u))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as Probe).__csp)).toEqual([]);
    // Violations in workers are not events on this document; Chromium logs them as errors.
    expect(app.errors).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('icons', () => {
  it('the time buttons and the Share dialog close show an SVG and keep their names', async () => {
    const app = await openApp(session, '/');
    const { page } = app;
    for (const name of ['Previous post', 'Play', 'Next post']) {
      const button = page.getByRole('button', { name, exact: true });
      expect(await button.locator('svg').count(), name).toBe(1);
      // No text glyph left beside the icon: the name comes from aria-label alone.
      expect((await button.innerText()).trim(), name).toBe('');
    }
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    expect(await pause.locator('svg').count()).toBe(1);
    await pause.click();
    await page.getByRole('button', { name: 'Share / export' }).click();
    const close = page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true });
    // The dialog is a chunk fetched on first use.
    await expect.poll(() => close.locator('svg').count(), { timeout: 15_000 }).toBe(1);
    expect((await close.innerText()).trim()).toBe('');
    expect(app.errors).toEqual([]);
    await page.close();
  });
});

/** Visible controls smaller than 44 × 44 CSS px (a touch target), by accessible name. */
const smallTargets = (app: AppPage) =>
  app.page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, [role="slider"]')]
      .filter((el) => el.offsetParent !== null && !el.closest('.maplibregl-ctrl, .density'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // The slider's track is thin; its hit area (a pseudo-element) is what a finger meets.
        const h =
          el.getAttribute('role') === 'slider'
            ? Number.parseFloat(getComputedStyle(el, '::before').height) || r.height
            : r.height;
        return h < 44 || r.width < 44;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim()),
  );

describe('phone layout', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 320, height: 568 },
    { width: 740, height: 360 },
  ]) {
    it(`${viewport.width} × ${viewport.height}: slider across the screen, clock on one line, buttons in a row, panel as a sheet`, async () => {
      const app = await openApp(session, '/', viewport, { touch: true });
      const { page } = app;
      await page.screenshot({ path: `/tmp/readers/phone-${viewport.width}.png` });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      const slider = page.getByRole('slider', { name: /Time/ });
      const track = await slider.boundingBox();
      expect(track?.width).toBeGreaterThanOrEqual(0.8 * viewport.width);
      const strip = await page.locator('.density').boundingBox();
      expect(strip && track && strip.y + strip.height <= track.y + 1).toBe(true);
      const clock = await page.locator('.clock time').boundingBox();
      const line = await page
        .locator('.clock time')
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 20);
      expect(clock?.height).toBeLessThan(1.6 * line);
      const tops = await page
        .locator('.buttons > *')
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(10);
      expect(await smallTargets(app)).toEqual([]);

      // The panel is a sheet, closed at first; the map has the room.
      const panel = page.getByRole('complementary', { name: 'Map panel' });
      expect(await panel.isVisible()).toBe(false);
      const map = await page.locator('.map').boundingBox();
      expect(map?.height).toBeGreaterThan(0.3 * viewport.height);
      const open = page.getByRole('button', { name: 'Map panel', exact: true });
      expect(await open.getAttribute('aria-expanded')).toBe('false');
      // By keyboard: Enter opens, Escape closes and gives focus back.
      await open.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await open.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('button', { name: 'Close the map panel' }).focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => panel.isVisible()).toBe(false);
      expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
      // By touch: a tap opens it over the map, the close button closes it.
      await open.tap();
      await expect.poll(() => panel.isVisible()).toBe(true);
      const sheet = await panel.boundingBox();
      expect(sheet && map && sheet.y < map.y + map.height).toBe(true);
      expect(await smallTargets(app)).toEqual([]);
      await page.screenshot({ path: `/tmp/readers/phone-${viewport.width}-sheet.png` });
      await page.getByRole('button', { name: 'Close the map panel' }).tap();
      await expect.poll(() => panel.isVisible()).toBe(false);
      expect(app.errors).toEqual([]);
      await page.close();
    });
  }
});

describe('accessibility (axe-core)', () => {
  const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }
  const sizes = [
    { name: 'desktop', viewport: { width: 1280, height: 800 } },
    { name: 'phone', viewport: { width: 360, height: 740 } },
  ];
  for (const lang of ['en', 'ar'])
    for (const { name, viewport } of sizes)
      it(`no serious or critical violation: ${lang}, ${name}`, async () => {
        const app = await openApp(session, `/?lang=${lang}`, viewport);
        const { page } = app;
        // On the phone, the panel is a sheet: check it open too.
        if (name === 'phone') await page.locator('.sheet-button').click();
        // Evaluated through the browser's debugging protocol: the page's own policy, which
        // refuses inline scripts, does not apply to it.
        await page.evaluate(AXE);
        const { violations, passes } = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(): Promise<{ violations: unknown[]; passes: unknown[] }> };
            }
          ).axe;
          const r = await axe.run();
          return { violations: r.violations, passes: r.passes.length };
        });
        // The rules ran (a page it could not read would pass them all vacuously).
        expect(passes).toBeGreaterThan(10);
        const minor = (violations as AxeViolation[]).map((v) => `${v.impact} ${v.id}`);
        console.log(`axe ${lang} ${name}: ${passes} rules passed; lesser findings:`, minor);
        const bad = (violations as AxeViolation[])
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 5))})`,
          );
        expect(bad).toEqual([]);
        await page.close();
      });
});
