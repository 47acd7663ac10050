import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { loadDataset } from '../../src/data/load/load';
import { contextOf } from '../../src/data/validate/validate';
import { validateLayerText } from '../../src/data/validate/validate-text';
import { readLocal, repoUrl } from '../unit/read-local';
import { openApp, type Session, startSession } from './driver';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const goodPin = {
  type: 'Feature',
  id: '2015-10-24-test-pin',
  geometry: { type: 'Point', coordinates: [37.3, 36.0] },
  properties: {
    reported_at: '2015-10-24T10:00:00Z',
    title: 'A pin being checked',
    text: 'نص',
    text_en: 'Text',
    lang: 'ar',
    source_url: 'https://example.org/post',
    status: 'unconfirmed',
    category: 'shelling-artillery-missile',
    post: 'interpreter-2015-10-23',
  },
};

describe('checking a file in the browser', () => {
  it('a picked file shows its problems, by line and property', async () => {
    const app = await openApp(session, '/');
    const bad = JSON.stringify(
      {
        ...goodPin,
        properties: {
          ...goodPin.properties,
          reported_at: 'yesterday',
          source_url: 'javascript:alert(1)',
        },
      },
      null,
      1,
    );
    await app.page.locator('.check input[type=file]').setInputFiles({
      name: 'bad.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(bad),
    });
    const result = app.page.getByRole('status', { name: 'File check result' });
    await expect.poll(() => result.count()).toBe(1);
    const text = await result.innerText();
    expect(text).toMatch(/bad\.geojson: reports, 0 valid features, 2 errors/);
    expect(text).toMatch(
      /bad\.geojson:\d+:\d+\s+2015-10-24-test-pin\s+reported_at: is not an ISO 8601 time/,
    );
    expect(text).toContain('source_url: must be an http(s) URL');
    expect(await app.rendered('preview')).toBe(0);
    await app.page.close();
  });

  it('a dropped valid file draws its pin at its time, and only from then on', async () => {
    const app = await openApp(session, '/#t=2015-10-24T09:00:00Z');
    await app.page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'pin.geojson', { type: 'application/geo+json' }));
      const target = document.querySelector('.map-wrap') as HTMLElement;
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, JSON.stringify(goodPin));
    const result = app.page.getByRole('status', { name: 'File check result' });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.innerText()).toMatch(/pin\.geojson: reports, 1 valid feature, 0 errors/);
    await app.idle();
    expect(await app.rendered('preview')).toBe(0);
    await app.page.getByRole('slider', { name: /Time/ }).focus();
    await app.page.keyboard.press('ArrowRight');
    await app.idle();
    expect(await app.rendered('preview')).toBe(1);
    await app.page.close();
  });
});

describe('drafting a pin', () => {
  it('click the map, fill the form, survive a reload, download a file the validator accepts, at the clicked point', async () => {
    const app = await openApp(session, '/#t=2015-10-23T23:34:00Z');
    await app.page.getByRole('button', { name: 'Draft a pin' }).click();
    // The form is a chunk loaded on first use: a user clicks the map once it asks for it.
    await expect.poll(() => app.state('drafting'), { timeout: 20_000 }).toBe(true);
    const box = await app.page.locator('.map canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const click = { x: Math.round(box.width / 2) + 37, y: Math.round(box.height / 2) - 23 };
    await app.page.mouse.click(box.x + click.x, box.y + click.y);
    await app.idle();
    expect(await app.rendered('draft')).toBe(1);
    const form = app.page.locator('.draft');
    await form.getByLabel('Title (short, English)').fill('Shelling reported near the base');
    await form
      .getByLabel('Text, in the original language, in your own words')
      .fill('قصف قرب القاعدة');
    await form.getByLabel('English translation').fill('Shelling near the base');
    await form.getByLabel('Source URL').fill('https://example.org/report');
    await form.getByLabel('Category').selectOption('shelling-artillery-missile');
    expect(await form.getByLabel('Reported at (UTC)').inputValue()).toBe('2015-10-23T23:34:00Z');
    expect(await form.getByRole('combobox', { name: /^Post/ }).inputValue()).toBe(
      'interpreter-2015-10-23',
    );

    await app.page.reload();
    await app.page.waitForFunction(() => 'conflictMap' in window);
    await app.idle();
    expect(await form.getByLabel('Title (short, English)').inputValue()).toBe(
      'Shelling reported near the base',
    );
    expect(await app.rendered('draft')).toBe(1);

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2015-10-23-shelling-reported-near-the-base.geojson');
    const text = await readFile((await download.path()) as string, 'utf8');
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      type: 'Feature',
      id: '2015-10-23-shelling-reported-near-the-base',
      properties: {
        lang: 'ar',
        status: 'unconfirmed',
        category: 'shelling-artillery-missile',
        post: 'interpreter-2015-10-23',
      },
    });
    // The pin is where the click was: its position projects back to the clicked pixel (the
    // form keeps 5 decimals, about a metre).
    const at = await app.page.evaluate(
      (lonLat) => (window as unknown as WithAutomation).conflictMap.project(lonLat),
      file.geometry.coordinates as [number, number],
    );
    expect(Math.abs(at.x - click.x)).toBeLessThan(1);
    expect(Math.abs(at.y - click.y)).toBeLessThan(1);
    // And it is a file the validator accepts in the dataset's context, as CI will check it.
    const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
      topology: false,
    });
    if (!dataset) throw new Error('data/dataset.json did not load');
    const checked = validateLayerText(
      'reports',
      text,
      download.suggestedFilename(),
      contextOf(dataset.manifest, dataset.posts),
    );
    expect(checked.problems).toEqual([]);
    expect(checked.features).toHaveLength(1);
    expect(await app.page.evaluate(() => localStorage.getItem('conflict-map:draft:v1'))).toBeNull();
    await app.page.close();
  });
});
