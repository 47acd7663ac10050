/**
 * What a visitor sees before the data is in (issue 13, cold start): the header names the
 * dataset from its manifest alone, while the layers are still loading; the app then takes over.
 * The layers are held back by routing, so "still loading" is certain, not a race.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
async function openHeld(path: string): Promise<{ page: Page; release(): Promise<void> }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
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
});
