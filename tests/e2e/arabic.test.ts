/**
 * The interface in Arabic (issue 16): chosen by ?lang=ar or the browser's language; the page
 * right to left and mirrored; dates in Arabic-Indic digits; places found and named Arabic first;
 * the slider's arrows following the reading direction; the language kept in the URL and the
 * embed code; an export's date and legend in Arabic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { places } from './bundled-data';
import { type AppPage, openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Arabic-Indic digits (٠–٩), which ar-SY writes and plain `ar` does not. */
const ARABIC_DIGITS = /[\u0660-\u0669]/;
const box = async (app: AppPage, selector: string) => {
  const b = await app.page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not laid out`);
  return b;
};

describe('the interface in Arabic', () => {
  it('?lang=ar: right to left, mirrored, Arabic dates, Arabic-first search, arrows that follow', async () => {
    const app = await openApp(session, '/?lang=ar');
    const { page } = app;
    expect(
      await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ar']);

    // Mirrored: the side panel left of the map, the header's language link says English.
    const panel = await box(app, '.panel');
    const map = await box(app, '.map');
    expect(panel.x + panel.width).toBeLessThanOrEqual(map.x + 1);
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'مفتاح الخريطة' }).count()).toBe(1);

    // The clock's date: Arabic-Indic digits, the same words the slider gives screen readers.
    const slider = page.getByRole('slider', { name: 'الوقت' });
    const date = await page.locator('.clock-date').innerText();
    expect(date).toMatch(ARABIC_DIGITS);
    expect(date).not.toMatch(/[0-9]/);
    expect(await slider.getAttribute('aria-valuetext')).toContain(date);

    // Left moves later, Right earlier (time runs from right to left); Up stays later.
    await slider.focus();
    await page.keyboard.press('Home');
    const start = await app.state<number>('t');
    await page.keyboard.press('ArrowLeft');
    const later = await app.state<number>('t');
    expect(later).toBeGreaterThan(start);
    await page.keyboard.press('ArrowRight');
    expect(await app.state<number>('t')).toBe(start);
    await page.keyboard.press('ArrowUp');
    expect(await app.state<number>('t')).toBe(later);
    // At the end of time the thumb sits at the track's left end (time runs right to left),
    // and at the start at its right end; the page does not scroll sideways.
    // (The track is measured each time: the clock beside it, and so its width, follow the date.)
    const thumbFromEdges = async () => {
      const track = await box(app, '.slider-track');
      const b = await box(app, '.slider-thumb');
      const centre = b.x + b.width / 2;
      return { left: Math.abs(centre - track.x), right: Math.abs(centre - track.x - track.width) };
    };
    await page.keyboard.press('End');
    expect((await thumbFromEdges()).left).toBeLessThan(4);
    await page.keyboard.press('Home');
    expect((await thumbFromEdges()).right).toBeLessThan(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      await page.evaluate(() => window.innerWidth),
    );

    // The search leads with the Arabic name, whichever script was typed.
    const place = places.find(
      (p) =>
        (p.properties as { name_ar?: string }).name_ar && /^[A-Za-z]{4,}/.test(p.properties.name),
    );
    if (!place) throw new Error('no place with an Arabic name in the bundled data');
    const nameAr = (place.properties as unknown as { name_ar: string }).name_ar;
    await page.getByRole('combobox', { name: /ابحث عن مكان/ }).fill(place.properties.name);
    const first = page.getByRole('option').first();
    await expect.poll(() => first.innerText()).toMatch(new RegExp(`^${nameAr}`));
    expect(await first.locator('[lang="ar"]').first().innerText()).toBe(nameAr);

    // The language stays in the address as the app rewrites its hash.
    await app.setTime(start);
    await expect.poll(() => page.url()).toContain('#t=');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    expect(app.errors).toEqual([]);
    await page.close();
  });

  it('the English page is not mirrored (the same measure fails there)', async () => {
    const app = await openApp(session, '/?lang=en');
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const panel = await box(app, '.panel');
    const map = await box(app, '.map');
    expect(panel.x).toBeGreaterThanOrEqual(map.x + map.width - 1);
    await app.page.close();
  });

  it("follows the browser's language when the address names none", async () => {
    const app = await openApp(session, '/', undefined, { locale: 'ar-SY' });
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await app.page.locator('.clock-date').innerText()).toMatch(ARABIC_DIGITS);
    await app.page.close();
  });

  it('keeps the language in the embed code of the Share dialog; names the export sizes in Arabic', async () => {
    const app = await openApp(session, '/?lang=ar');
    await app.page.getByRole('button', { name: 'مشاركة / تصدير' }).click();
    const code = app.page.locator('.share-dialog textarea');
    await expect.poll(() => code.inputValue()).toContain('lang=ar');
    expect(await code.inputValue()).toContain('embed=locked');
    // The export sizes are named in Arabic too (the `share` part).
    const sizes = await app.page.locator('.share-dialog option').allInnerTexts();
    expect(sizes).toContain('1080 × 1080 (مربّع، لمواقع التواصل)');
    await app.page.close();
  });

  it('an export writes its date and legend in Arabic', async () => {
    const app = await openApp(session, '/?lang=ar', undefined, {
      // Records what the export draws as text (the drawing itself goes on as usual).
      beforeGoto: (page) =>
        page.addInitScript(() => {
          const w = window as unknown as { __drawn: string[] };
          w.__drawn = [];
          const fill = CanvasRenderingContext2D.prototype.fillText;
          CanvasRenderingContext2D.prototype.fillText = function (text, x, y, max) {
            w.__drawn.push(String(text));
            return fill.call(this, text, x, y, max);
          };
        }),
    });
    const { page } = app;
    const when = await page.getByRole('slider').getAttribute('aria-valuetext');
    const png = await page.evaluate(() =>
      (window as unknown as WithAutomation).conflictMap.exportImage({
        width: 600,
        height: 400,
        pixelRatio: 1,
      }),
    );
    expect(png).toMatch(/^data:image\/png;base64,/);
    const drawn = await page.evaluate(() => (window as unknown as { __drawn: string[] }).__drawn);
    expect(when).toMatch(ARABIC_DIGITS);
    expect(drawn).toContain(when);
    expect(drawn).toContain('الجهة المسيطرة غير معروفة');
    await page.close();
  });
  it('the changes log and the draft form are in Arabic (their catalog parts load with their code)', async () => {
    const app = await openApp(session, '/?lang=ar');
    const { page } = app;
    await page.getByRole('button', { name: 'التغييرات', exact: true }).click();
    const view = page.getByRole('region', { name: 'التغييرات' });
    await view.locator('tbody tr').first().waitFor();
    expect(await view.getByRole('columnheader', { name: 'المكان' }).count()).toBe(1);
    expect(await view.getByRole('button', { name: 'تنزيل CSV' }).count()).toBe(1);
    // The log's dates through Intl for ar-SY: Arabic-Indic digits.
    expect(await view.locator('tbody tr td').first().innerText()).toMatch(ARABIC_DIGITS);

    await page.getByRole('button', { name: 'إنشاء مسودة دبوس' }).click();
    await expect.poll(() => app.state('drafting'), { timeout: 20_000 }).toBe(true);
    const form = page.locator('.draft');
    expect(await form.getByLabel('رابط المصدر').count()).toBe(1);
    expect(await form.getByRole('button', { name: 'تنزيل الملف' }).count()).toBe(1);
    expect(await form.getByText('انقر على الخريطة حيث وقع الحدث.').count()).toBe(1);
    await page.close();
  });
});
