/**
 * Every reader (issue 16): icons drawn as SVG shipped with the app, whatever fonts the system has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
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
