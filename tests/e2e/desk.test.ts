/** The analysts' desk (issue 17): moves the app makes reach the URL; filters, the changes log,
 * downloads and an imported bundle. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const KHAN_TUMAN: [number, number] = [37.05139, 36.11777];

/** Distance in CSS px of a [lon, lat] from the middle of the map. */
async function offCentre(page: import('playwright-core').Page, at: [number, number]) {
  const box = await page.locator('.map').boundingBox();
  if (!box) throw new Error('no map');
  const p = await page.evaluate(
    (a) => (window as unknown as WithAutomation).conflictMap.project(a),
    at,
  );
  return Math.hypot(p.x - box.width / 2, p.y - box.height / 2);
}

describe('moves the app makes reach the URL', () => {
  it('search a place, Copy link, open the link fresh: the new page shows that place', async () => {
    const app = await openApp(session, '/#t=2015-10-20T00:00:00Z&c=36.00000,35.00000&z=7.00');
    const box = app.page.getByRole('combobox', { name: /Find a place/ });
    await box.fill('Khan Tuman');
    await box.press('Enter');
    await expect.poll(() => offCentre(app.page, KHAN_TUMAN), { timeout: 30_000 }).toBeLessThan(40);
    await app.idle();
    await app.page.getByRole('button', { name: 'Share / export' }).click();
    const link = await app.page.getByRole('textbox', { name: 'Link to this moment' }).inputValue();
    await app.page.getByRole('button', { name: 'Copy link' }).click();
    expect(link).not.toMatch(/c=36\.00000,35\.00000/);
    await app.page.close();
    const fresh = await openApp(session, link.slice(session.server.origin.length));
    expect(await offCentre(fresh.page, KHAN_TUMAN)).toBeLessThan(40);
    expect(await fresh.state<{ zoom: number }>('view')).toMatchObject({ zoom: expect.any(Number) });
    expect((await fresh.state<{ zoom: number }>('view')).zoom).toBeGreaterThanOrEqual(9.9);
    await fresh.page.close();
  });
});
