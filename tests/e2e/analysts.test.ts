/** Analysts: compare two moments, see the activity per day, find a place (issue 6). */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import {
  places as bundledPlaces,
  controllerAt,
  controlChangesIn,
  placeById,
  reports,
} from './bundled-data';
import { openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const hash = () => location.hash;

describe('compare two moments', () => {
  it('a shared a=/b= link shows gained and lost areas, the km² table and the places that changed hands', async () => {
    // 1 Nov -> 14 Nov 2015, among others: Morek (rebels, 5 Nov), al-Hader and al-Eis (regime,
    // 12 Nov), Tell Hadiya (regime, 13 Nov); Atshan went to the regime on 10 Oct and back to
    // the rebels on 6 Nov.
    const app = await openApp(
      session,
      '/#c=37.00000,35.80000&z=8.00&l=zones,places,reports&a=2015-11-01T00:00:00Z&b=2015-11-14T00:00:00Z',
    );
    const panel = app.page.getByRole('region', { name: 'Compare' });
    await expect
      .poll(() => panel.locator('table tbody tr').count(), { timeout: 60_000 })
      .toBeGreaterThan(1);
    expect(await app.state('t')).toBe(Date.parse('2015-11-14T00:00:00Z'));
    const regime = panel.locator('tbody tr', { hasText: 'Syrian government' });
    expect(await regime.locator('td').last().innerText()).toMatch(/^\+\d/);
    const places = await panel.locator('.compare-places > li > button').allInnerTexts();
    expect(places).toEqual(
      expect.arrayContaining(['Morek', 'Atshan', 'al-Hader', 'al-Eis', 'Tell Hadiya']),
    );
    // Exactly the places whose holder differs between A and B, by the data files.
    const [a, b] = [Date.parse('2015-11-01T00:00:00Z'), Date.parse('2015-11-14T00:00:00Z')];
    const changed = bundledPlaces.filter((p) => controllerAt(p, a) !== controllerAt(p, b));
    expect([...places].sort()).toEqual(changed.map((p) => p.properties.name).sort());
    // Each change names its date and links its source.
    const hader = panel
      .locator('.compare-places > li')
      .filter({ has: app.page.getByRole('button', { name: 'al-Hader', exact: true }) });
    expect(await hader.innerText()).toMatch(/12 November 2015/);
    expect(await hader.getByRole('link').count()).toBeGreaterThan(0);
    expect(await panel.locator('.compare-reports li').count()).toBeGreaterThan(0);
    // The areas reach the map through its worker: wait for them to be drawn.
    await expect.poll(() => app.rendered('compare-gained'), { timeout: 30_000 }).toBe(2); // regime, rebel
    expect(await app.rendered('compare-lost')).toBe(3); // regime, rebel, ISIS
    // Every changed place in view is ringed on the map.
    const mapBox = await app.page.locator('.map').boundingBox();
    if (!mapBox) throw new Error('no map');
    const onScreen = await app.page.evaluate(
      (coords) => coords.map((c) => (window as unknown as WithAutomation).conflictMap.project(c)),
      changed.map((p) => p.geometry.coordinates),
    );
    const inView = onScreen.filter(
      ({ x, y }) => x >= 0 && y >= 0 && x <= mapBox.width && y <= mapBox.height,
    ).length;
    expect(inView).toBeGreaterThan(0);
    expect(await app.rendered('compare-places')).toBe(inView);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('sets A to the latest post before B, moves A by keyboard, keeps the URL in step and stops cleanly', async () => {
    const app = await openApp(session, '/#t=2015-11-12T12:00:00Z&c=37.20000,36.05000&z=8.60');
    await app.page.getByRole('button', { name: 'Compare two moments' }).click();
    // Default A: the latest post strictly before 12 Nov 12:00 (posts published at that very
    // moment do not count), read from the posts file rather than written here.
    const b = Date.parse('2015-11-12T12:00:00Z');
    const posts: { published_at: string }[] = JSON.parse(
      await readFile(new URL('../../data/posts.json', import.meta.url), 'utf8'),
    ).posts;
    const before = posts.map((p) => Date.parse(p.published_at)).filter((t) => t < b);
    expect(before.length).toBeGreaterThan(0);
    const a = await app.state<number>('compareA');
    expect(a).toBe(Math.max(...before));
    await expect.poll(() => app.page.evaluate(hash)).toMatch(/&a=[^&]+&b=2015-11-12T12:00:00Z$/);
    const sliderA = app.page.getByRole('slider', { name: /Moment A/ });
    await sliderA.focus();
    await app.page.keyboard.press('Home');
    await expect
      .poll(() => app.page.evaluate(hash))
      .toMatch(/&a=2015-10-01T00:00:00Z&b=2015-11-12T12:00:00Z$/);
    const panel = app.page.getByRole('region', { name: 'Compare' });
    await expect
      .poll(() => panel.locator('.compare-places > li').count(), { timeout: 60_000 })
      .toBeGreaterThan(3);
    await app.page.getByRole('button', { name: 'Stop comparing' }).click();
    await expect.poll(() => app.page.evaluate(hash)).not.toMatch(/a=/);
    await expect.poll(() => app.rendered('compare-gained'), { timeout: 30_000 }).toBe(0);
    await app.page.close();
  });
});

describe('timeline density', () => {
  it('draws reports and control changes per day above the slider; hovering a day shows its counts', async () => {
    const app = await openApp(session, '/');
    const chart = app.page.getByRole('img', { name: /Activity per day/ });
    expect(await chart.getAttribute('aria-label')).toMatch(/\d+ reports and \d+ control changes/);
    expect(await app.page.locator('.density-reports').count()).toBeGreaterThan(0);
    expect(await app.page.locator('.density-changes').count()).toBeGreaterThan(0);
    const posts = JSON.parse(
      await readFile(new URL('../../data/posts.json', import.meta.url), 'utf8'),
    );
    expect(await app.page.locator('.density-post').count()).toBe(posts.posts.length);
    // Hover the day of 12 Nov 2015 (al-Hader and al-Eis, among others, changed hands).
    const [start, end] = await app.state<[number, number]>('domain');
    const box = await chart.boundingBox();
    if (!box) throw new Error('no chart');
    const t = Date.parse('2015-11-12T12:00:00Z');
    await app.page.mouse.move(
      box.x + ((t - start) / (end - start)) * box.width,
      box.y + box.height / 2,
    );
    // The day's counts, from the data files (not from the app's own density code).
    const day = Date.parse('2015-11-12T00:00:00Z');
    const dayReports = reports.filter((r) => {
      const at = Date.parse(r.properties.reported_at);
      return at >= day && at < day + 86_400_000;
    }).length;
    const changes = controlChangesIn(day, day + 86_400_000);
    expect(changes).toBeGreaterThan(0);
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    await expect
      .poll(() => app.page.locator('.density-caption').innerText())
      .toBe(`12 Nov 2015: ${plural(dayReports, 'report')}, ${plural(changes, 'control change')}`);
    await app.page.close();
  });
});

describe('find a place', () => {
  it('finds Khan Tuman typed in Arabic, shows it and opens its popup with its control history', async () => {
    const app = await openApp(session, '/#c=36.00000,35.00000&z=7.00');
    const box = app.page.getByRole('combobox', { name: /Find a place/ });
    await box.fill('خان طومان');
    const option = app.page.getByRole('option').first();
    expect(await option.innerText()).toMatch(/^Khan Tuman/);
    await box.press('Enter');
    const popup = app.page.locator('.maplibregl-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.locator('h3').innerText()).toBe('Khan Tuman');
    await popup.getByText('Control history and sources').click();
    expect(await popup.locator('.popup-history > li').first().innerText()).toMatch(
      /held by Syrian opposition \(rebel\) groups from 1 October 2015/,
    );
    // The map moved there: Khan Tuman (its position from the data) is at the map's centre.
    const mapBox = await app.page.locator('.map').boundingBox();
    if (!mapBox) throw new Error('no map');
    const khanTuman = placeById('khan-tuman').geometry.coordinates;
    await expect
      .poll(async () => {
        const at = await app.page.evaluate(
          (p) => (window as unknown as WithAutomation).conflictMap.project(p),
          khanTuman,
        );
        return Math.hypot(at.x - mapBox.width / 2, at.y - mapBox.height / 2);
      })
      .toBeLessThan(1);
    await app.page.close();
  });

  it('matches spellings without diacritics or with other transliterations, and says when nothing matches', async () => {
    const app = await openApp(session, '/');
    const box = app.page.getByRole('combobox', { name: /Find a place/ });
    await box.fill('khan touman');
    expect(await app.page.getByRole('option').first().innerText()).toMatch(/^Khan Tuman/);
    await box.fill('hamah');
    expect(await app.page.getByRole('option').first().innerText()).toMatch(/^Hama\b/);
    await box.fill('qqqq');
    expect(await app.page.getByRole('status').filter({ hasText: 'No place matches' }).count()).toBe(
      1,
    );
    await app.page.close();
  });
});
