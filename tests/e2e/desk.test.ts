/** The analysts' desk (issue 17): moves the app makes reach the URL; filters, the changes log,
 * downloads and an imported bundle. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChangesCsv } from '../../src/data/changes/changes-csv';
import type { WithAutomation } from '../../src/automation';
import { type AppPage, colourAt, openApp, type Session, startSession } from './driver';

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

  it('a report chosen in the feed moves the map off-screen to it, and the URL follows', async () => {
    const app = await openApp(
      session,
      '/?dataset=fixtures/desk/dataset.json#t=2015-11-29T00:00:00Z&c=39.01250,35.95000&z=10.00',
    );
    await app.page.locator('.feed-item', { hasText: 'Air raid on Zitan' }).click();
    await expect
      .poll(() => offCentre(app.page, [37.0, 36.05]), { timeout: 30_000 })
      .toBeLessThan(40);
    await app.idle();
    await expect
      .poll(() => app.page.evaluate(() => location.hash))
      .toMatch(/&c=(36\.99|37\.00)\d*,36\.0[45]\d*&/);
    await app.page.close();
  });
});

const DESK = '/?dataset=fixtures/desk/dataset.json';
const ZITAN: [number, number] = [37.0, 36.05];
/** How dark the centre of the pin of report r6 (a confirmed air strike at Zitan) is drawn: its
 * brightest channel, 0-255. Pins sit 8 px right of and 8 px above their point; a confirmed pin
 * at full strength is near-black there, a fading one lighter, the map without it light. */
const pinLevel = async (app: AppPage) => {
  await app.idle();
  const [r, g, b] = await colourAt(app, ZITAN, [8, -8]);
  return Math.max(r, g, b);
};
const hash = (app: AppPage) => app.page.evaluate(() => location.hash);

describe('filtering the reports', () => {
  it('a filtered link opened fresh shows only those reports on the map, in the feed, the strip and the panel; a change reaches the URL', async () => {
    const app = await openApp(
      session,
      `${DESK}#t=2015-11-20T00:00:00Z&c=37.00000,36.05000&z=9.00&l=zones,places,reports&f=status:confirmed;category:air-drone-strike&w=30d`,
    );
    const panel = app.page.getByRole('region', { name: 'Filter reports' });
    expect(await panel.getByRole('checkbox', { name: /^Confirmed/ }).isChecked()).toBe(true);
    expect(await panel.getByRole('checkbox', { name: /^Air\/drone strike/ }).isChecked()).toBe(
      true,
    );
    expect(await panel.getByRole('radio', { name: 'Last 30 days' }).isChecked()).toBe(true);
    // Counts per value, as if that facet alone were set to it: 3 confirmed air strikes, no
    // claimed ones, no confirmed armed clash; two of the three from SOHR (its section is closed).
    const count = (label: string) =>
      panel
        .locator('.filter-option', {
          has: app.page.locator('.filter-label', { hasText: new RegExp(`^${label}$`) }),
        })
        .locator('.filter-count')
        .textContent();
    expect(await count('Confirmed')).toBe('3');
    expect(await count('Claimed by a party')).toBe('0');
    expect(await count('Armed clash')).toBe('0');
    expect(await count('Syrian Observatory for Human Rights')).toBe('2');
    // The category legend: labels grouped by ACLED event type.
    expect(await panel.locator('fieldset', { hasText: 'Battles' }).innerText()).toMatch(
      /Armed clash/,
    );
    // Feed and strip: the three confirmed air strikes of the six reports so far.
    expect(await app.page.locator('#feed-title').innerText()).toBe(
      'Reports, last 30 days (3 of 6, filtered)',
    );
    expect(await app.page.locator('.feed-title').allInnerTexts()).toEqual([
      'Air raid on Zitan',
      'قصف جوي على خان طومان',
      'Air strikes on Khan Touman',
    ]);
    expect(
      await app.page.getByRole('img', { name: /Activity per day/ }).getAttribute('aria-label'),
    ).toMatch(/: 3 reports and/);
    expect(await pinLevel(app)).toBeLessThan(45);
    // Choose claimed instead of confirmed: no claimed air strike; the pin goes, the URL follows.
    await panel.getByRole('checkbox', { name: /^Confirmed/ }).uncheck();
    await panel.getByRole('checkbox', { name: /^Claimed by a party/ }).check();
    await expect.poll(() => pinLevel(app), { timeout: 30_000 }).toBeGreaterThan(150);
    expect(await app.rendered('reports')).toBe(0);
    await expect
      .poll(() => hash(app))
      .toMatch(/&f=status:claimed;category:air-drone-strike&w=30d$/);
    // The window: in the last 7 days before 20 Nov only r6 (19 Nov, 13:00), drawn almost in
    // full; in the last 24 hours it is older in its window, so fainter.
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await panel.getByRole('radio', { name: 'Last 7 days' }).check();
    await expect
      .poll(() => app.page.locator('#feed-title').innerText())
      .toBe('Reports, last 7 days (1)');
    await expect.poll(() => hash(app)).toMatch(/&w=7d$/);
    const week = await pinLevel(app);
    expect(week).toBeLessThan(60);
    await panel.getByRole('radio', { name: 'Last 24 hours' }).check();
    await expect.poll(() => pinLevel(app)).toBeGreaterThan(week + 30);
    expect(await app.rendered('reports')).toBe(1);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('free text finds every spelling; the embed code carries the filter', async () => {
    const app = await openApp(session, `${DESK}#t=2015-11-29T00:00:00Z&c=37.00000,36.05000&z=9.00`);
    await app.page.getByRole('searchbox', { name: /Search report titles/ }).fill('khan tuman');
    await expect
      .poll(() => app.page.locator('.feed-title').allInnerTexts())
      .toEqual(['Army says it took Khan Tuman', 'Air strikes on Khan Touman']);
    await expect.poll(() => hash(app)).toMatch(/&f=q:khan%20tuman$/);
    await app.page.getByRole('button', { name: 'Share / export' }).click();
    const code = await app.page.getByRole('textbox', { name: /Embed code/ }).inputValue();
    expect(code).toMatch(/f=q:khan%20tuman/);
    const src = (code.match(/src="([^"]+)"/) ?? [])[1].replaceAll('&amp;', '&');
    const embed = await openApp(session, src.slice(session.server.origin.length));
    expect(await embed.state('filter')).toMatchObject({ text: 'khan tuman' });
    // At 29 Nov the two Khan Tuman reports are the only pins drawn; none at Zitan.
    expect(await pinLevel(embed)).toBeGreaterThan(150);
    await embed.page.close();
    await app.page.close();
  });
});

describe('the changes log', () => {
  const open = async (path: string) => {
    const app = await openApp(session, path);
    await app.page.getByRole('button', { name: 'Changes', exact: true }).click();
    const view = app.page.getByRole('region', { name: 'Changes' });
    await view.locator('tbody tr').first().waitFor();
    const places = () => view.locator('tbody tr td:nth-child(2)').allInnerTexts();
    return { app, view, places };
  };

  it('lists every change, sorts by date and place, filters by faction and extent; a row click moves time, map and URL', async () => {
    const { app, view, places } = await open(
      `${DESK}#t=2015-11-01T00:00:00Z&c=38.00000,36.00000&z=7.00`,
    );
    expect(await places()).toEqual(['Khan Tuman', 'al-Hader', 'Khan Tuman', 'Raqqa']);
    const row = await view.locator('tbody tr').nth(1).innerText();
    expect(row).toMatch(/12 November 2015/);
    expect(row).toMatch(/Syrian opposition → Syrian government and allies/);
    expect(row).toMatch(/rebels said they still held the south/);
    expect(await view.locator('tbody tr').nth(1).getByRole('link').count()).toBe(2);
    await view.getByRole('button', { name: /^Date/ }).click();
    expect(await places()).toEqual(['Raqqa', 'Khan Tuman', 'al-Hader', 'Khan Tuman']);
    expect(await view.getByRole('columnheader', { name: /Date/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await view.getByRole('button', { name: /^Place/ }).click();
    expect(await places()).toEqual(['al-Hader', 'Khan Tuman', 'Khan Tuman', 'Raqqa']);
    await view.getByRole('combobox', { name: 'Faction' }).selectOption('isis');
    expect(await places()).toEqual(['Raqqa']);
    await view.getByRole('combobox', { name: 'Faction' }).selectOption('');
    // A row click: time to the change, map to the place, both in the URL.
    await view.locator('tbody tr', { hasText: 'al-Hader' }).locator('td').first().click();
    expect(await app.state('t')).toBe(Date.parse('2015-11-12T12:00:00Z'));
    await expect
      .poll(() => offCentre(app.page, [37.05086, 35.99024]), { timeout: 30_000 })
      .toBeLessThan(40);
    await app.idle();
    await expect.poll(() => hash(app)).toMatch(/^#t=2015-11-12T12:00:00Z&c=37\.0\d+,35\.9\d+&z=\d/);
    // Now near al-Hader at zoom 10: only the changes south of Aleppo are in the extent.
    await view.getByRole('checkbox', { name: /current extent/ }).check();
    expect(await places()).toEqual(['al-Hader', 'Khan Tuman', 'Khan Tuman']);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('downloads the changes shown as CSV and the state at t as GeoJSON', async () => {
    const { app, view } = await open(`${DESK}#t=2015-11-13T00:00:00Z&c=38.00000,36.00000&z=7.00`);
    await view.getByRole('combobox', { name: 'Faction' }).selectOption('regime');
    const csvDownload = app.page.waitForEvent('download');
    await view.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^fixture-analysts-desk.*_changes\.csv$/);
    const rows = parseChangesCsv(await readFile(await csv.path(), 'utf8'));
    expect(rows.map((r) => `${r.date} ${r.place_id} ${r.from_id}>${r.to_id}`)).toEqual([
      '2015-11-08T06:00:00Z khan-tuman rebel>regime',
      '2015-11-12T12:00:00Z al-hader rebel>regime',
      '2015-11-18T00:00:00Z khan-tuman regime>rebel',
    ]);
    expect(rows[0].licence).toBe('GeoNames: CC BY 4.0');
    const geoDownload = app.page.waitForEvent('download');
    await view.getByRole('button', { name: /Download the state/ }).click();
    const geo = await geoDownload;
    expect(geo.suggestedFilename()).toMatch(/_state_2015-11-13-0000utc\.geojson$/);
    const fc = JSON.parse(await readFile(await geo.path(), 'utf8'));
    expect(fc).toMatchObject({ type: 'FeatureCollection', moment: '2015-11-13T00:00:00Z' });
    expect(fc.dataset).toMatch(/^Fixture: analysts/);
    const controllers = Object.fromEntries(
      fc.features
        .filter((f: { properties: { kind: string } }) => f.properties.kind === 'place')
        .map((f: { id: string; properties: { controller: string } }) => [
          f.id,
          f.properties.controller,
        ]),
    );
    expect(controllers).toEqual({
      'al-hader': 'regime',
      'khan-tuman': 'regime',
      zitan: 'rebel',
      raqqa: 'isis',
    });
    expect(
      fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'zone'),
    ).toHaveLength(1);
    await app.page.close();
  });
});
