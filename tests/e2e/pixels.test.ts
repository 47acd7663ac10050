/**
 * What users see, read from the pixels: the custom WebGL layers (pin-layer.ts, zone-layer.ts)
 * and the tiled zones draw the fixture's zones and pins where and when the data says, in the
 * colours the legend promises, and the exported PNG holds the same colours. The fixture
 * (tests/fixtures/pixels) has no basemap, so every pixel off the data is the background colour.
 *
 *            north zone: rebel from 5 Nov
 *   pin ● (confirmed, 3 Nov)  ● (claimed, 6 Nov)  ● (unconfirmed, 9 Nov)  [east zone: regime,
 *            south zone: regime 1–10 Nov, rebel from 10 Nov               contested by the
 *                                                                         rebels, from 7 Nov]
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithAutomation } from '../../src/automation';
import { exportLayout } from '../../src/lib/export-compose';
import { type AppPage, openApp, type Session, startSession } from './driver';
import { pngPixels, pngSize } from './png';

const BACKGROUND = '#dfe9f2';
const REGIME = '#d55e00';
const REBEL = '#009e73';
/** The zone fill's opacity for precise zones (zone-layer.ts, style.ts ZONES_FILL). */
const FILL_OPACITY = 0.45;
/** Pin fills by status (pin-layer.ts's fragment shader): dark, grey, white. */
const PIN_FILL = {
  confirmed: [26, 26, 26],
  claimed: [128, 128, 128],
  unconfirmed: [255, 255, 255],
};
/** Pins are drawn 8 px right of and 8 px above their position (pin-layer.ts PIN_OFFSET_PX). */
const PIN_OFFSET: [number, number] = [8, -8];

const PIN_AT = {
  confirmed: [36.94, 36.0],
  claimed: [37.0, 36.0],
  unconfirmed: [37.06, 36.0],
} as const satisfies Record<string, [number, number]>;
/** The middle of each zone, 3 km from any pin or edge. */
const NORTH: [number, number] = [37.0, 36.05];
const SOUTH: [number, number] = [37.0, 35.95];
const EAST: [number, number] = [37.13, 36.0];
/** Contested zones' stripes (zone-layer.ts) are drawn at 0.5 opacity. */
const STRIPE_OPACITY = 0.5;
const day = (d: number) => Date.parse(`2015-11-${String(d).padStart(2, '0')}T00:00:00Z`);

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
/** A fill of `hex` at `opacity` over the background, as premultiplied blending gives it. */
const filled = (hex: string, opacity = FILL_OPACITY) =>
  rgb(hex).map((c, k) => Math.round(c * opacity + rgb(BACKGROUND)[k] * (1 - opacity)));

/** Asserts a pixel's RGB within 3 per channel of `want` (rounding in the GPU and blending). */
function expectColour(got: number[], want: number[], what: string) {
  const off = want.map((v, k) => Math.abs(got[k] - v));
  expect(
    Math.max(...off),
    `${what}: got rgb(${got.slice(0, 3)}), want rgb(${want})`,
  ).toBeLessThanOrEqual(3);
}

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const open = (strategy: string, t: string) =>
  openApp(
    session,
    `/?dataset=fixtures/pixels/dataset.json&time=${strategy}#t=${t}&c=37.00000,36.00000&z=10.00&l=zones,reports`,
  );

/** The colour at each pin (its drawn centre) and in the middle of each zone. */
async function look(app: AppPage) {
  return {
    confirmed: await app.colourAt([...PIN_AT.confirmed], PIN_OFFSET),
    claimed: await app.colourAt([...PIN_AT.claimed], PIN_OFFSET),
    unconfirmed: await app.colourAt([...PIN_AT.unconfirmed], PIN_OFFSET),
    north: await app.colourAt(NORTH),
    south: await app.colourAt(SOUTH),
  };
}

for (const strategy of ['gpu', 'tiled'] as const) {
  describe(`pins and zones in pixels (?time=${strategy})`, () => {
    it('draws each pin in its status colour and each zone in its faction colour only from their times', async () => {
      const app = await open(strategy, '2015-11-08T00:00:00Z');
      const bg = rgb(BACKGROUND);
      // 8 Nov: both zones, the confirmed and the claimed pins; the unconfirmed one (9 Nov) not yet.
      let seen = await look(app);
      expectColour(seen.confirmed, PIN_FILL.confirmed, '8 Nov, confirmed pin');
      expectColour(seen.claimed, PIN_FILL.claimed, '8 Nov, claimed pin');
      expectColour(seen.unconfirmed, bg, '8 Nov, no unconfirmed pin yet');
      expectColour(seen.north, filled(REBEL), '8 Nov, north zone rebel');
      expectColour(seen.south, filled(REGIME), '8 Nov, south zone regime');
      expect(await app.rendered('reports')).toBe(2);
      expect(await app.rendered('zones')).toBe(3);

      // 4 Nov: before the claimed pin and the north zone.
      await app.setTime(day(4));
      seen = await look(app);
      expectColour(seen.confirmed, PIN_FILL.confirmed, '4 Nov, confirmed pin');
      expectColour(seen.claimed, bg, '4 Nov, no claimed pin yet');
      expectColour(seen.north, bg, '4 Nov, no north zone yet');
      expectColour(await app.colourAt(EAST), bg, '4 Nov, no east zone yet');
      expectColour(seen.south, filled(REGIME), '4 Nov, south zone regime');

      // 2 Nov: before every pin.
      await app.setTime(day(2));
      seen = await look(app);
      expectColour(seen.confirmed, bg, '2 Nov, no confirmed pin yet');
      expect(await app.rendered('reports')).toBe(0);

      // 12 Nov: every pin; the south zone has changed hands (its second version).
      await app.setTime(day(12));
      seen = await look(app);
      expectColour(seen.confirmed, PIN_FILL.confirmed, '12 Nov, confirmed pin');
      expectColour(seen.claimed, PIN_FILL.claimed, '12 Nov, claimed pin');
      expectColour(seen.unconfirmed, PIN_FILL.unconfirmed, '12 Nov, unconfirmed pin');
      expectColour(seen.north, filled(REBEL), '12 Nov, north zone rebel');
      expectColour(seen.south, filled(REBEL), '12 Nov, south zone rebel');

      // Hiding a layer hides its pixels.
      await app.page.getByRole('checkbox', { name: 'Reports', exact: true }).uncheck();
      await app.page.getByRole('checkbox', { name: 'Control zones', exact: true }).uncheck();
      await app.idle();
      seen = await look(app);
      for (const k of ['confirmed', 'claimed', 'unconfirmed', 'north', 'south'] as const)
        expectColour(seen[k], bg, `12 Nov, layers off, ${k}`);
      expect(app.errors).toEqual([]);
      await app.page.close();
    });

    it('draws a contested zone with both sides in it', async () => {
      const app = await open(strategy, '2015-11-08T00:00:00Z');
      // The colours of a 16 × 16 px window in the middle of the contested zone.
      const pixels = await app.page.evaluate((at) => {
        const { x, y } = (window as unknown as WithAutomation).conflictMap.project(at);
        const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
        ctx.drawImage(canvas, 0, 0);
        const d = ctx.getImageData(Math.round(x) - 8, Math.round(y) - 8, 16, 16).data;
        const out: number[][] = [];
        for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
        return out;
      }, EAST);
      const share = (want: number[]) =>
        pixels.filter((c) => c.every((v, k) => Math.abs(v - want[k]) <= 3)).length / pixels.length;
      if (strategy === 'gpu') {
        // Diagonal stripes, 4 px each, of the holder's and the other side's colours.
        expect(share(filled(REGIME, STRIPE_OPACITY))).toBeGreaterThan(0.3);
        expect(share(filled(REBEL, STRIPE_OPACITY))).toBeGreaterThan(0.3);
      } else {
        // Tiles cannot stripe a fill: the holder's fill inside, the other side on the edge.
        expect(share(filled(REGIME))).toBe(1);
      }
      await app.page.close();
    });
  });
}

describe('the exported PNG in pixels', () => {
  it('holds the zones in their faction colours and the pins in their status colours at their positions', async () => {
    const app = await open('gpu', '2015-11-08T00:00:00Z');
    const size = { width: 800, height: 500, pixelRatio: 1 };
    const dataUrl = await app.page.evaluate(
      (size) => (window as unknown as WithAutomation).conflictMap.exportImage(size),
      size,
    );
    const png = Buffer.from(dataUrl.split(',')[1], 'base64');
    expect(pngSize(png)).toEqual({ width: 800, height: 500 });
    // The export has the screen map's centre and zoom: a point lies as far from the image's
    // centre as it lies from the map's centre on screen.
    const mapBox = await app.page.locator('.map').boundingBox();
    if (!mapBox) throw new Error('no map');
    const inExport = async ([lon, lat]: readonly [number, number], [dx, dy] = [0, 0]) => {
      const p = await app.page.evaluate(
        (at) => (window as unknown as WithAutomation).conflictMap.project(at),
        [lon, lat] as [number, number],
      );
      return {
        x: size.width / 2 + p.x - mapBox.width / 2 + dx,
        y: size.height / 2 + p.y - mapBox.height / 2 + dy,
      };
    };
    const points = [
      await inExport(NORTH),
      await inExport(SOUTH),
      await inExport(PIN_AT.confirmed, PIN_OFFSET),
      await inExport(PIN_AT.claimed, PIN_OFFSET),
      await inExport(PIN_AT.unconfirmed, PIN_OFFSET),
    ];
    // None of the probes is under the title, legend, scale bar or attribution.
    const overlays = Object.values(exportLayout(size.width, size.height, 3));
    for (const p of points)
      for (const r of overlays)
        expect(p.x >= r.x && p.x < r.x + r.w && p.y >= r.y && p.y < r.y + r.h).toBe(false);
    const [north, south, confirmed, claimed, unconfirmed] = await pngPixels(app.page, png, points);
    expectColour(north, filled(REBEL), 'export, north zone rebel');
    expectColour(south, filled(REGIME), 'export, south zone regime');
    expectColour(confirmed, PIN_FILL.confirmed, 'export, confirmed pin');
    expectColour(claimed, PIN_FILL.claimed, 'export, claimed pin');
    expectColour(unconfirmed, rgb(BACKGROUND), 'export, no unconfirmed pin on 8 Nov');

    // "2× for print": every length doubles, pins included. A pin 16 device px wide (the
    // screen's size) would leave this probe, 10 device px right of the pin's centre (of 12 in
    // its fill at 2×), on the background.
    const print = { width: 500, height: 400, pixelRatio: 2 };
    const big = Buffer.from(
      (
        await app.page.evaluate(
          (size) => (window as unknown as WithAutomation).conflictMap.exportImage(size),
          print,
        )
      ).split(',')[1],
      'base64',
    );
    expect(pngSize(big)).toEqual({ width: 1000, height: 800 });
    const at2x = async (at: readonly [number, number], [dx, dy]: [number, number]) => {
      const p = await inExport(at);
      const x = print.width / 2 + (p.x - size.width / 2);
      const y = print.height / 2 + (p.y - size.height / 2);
      return { x: 2 * (x + PIN_OFFSET[0]) + dx, y: 2 * (y + PIN_OFFSET[1]) + dy };
    };
    const [claimedCentre, claimedSide, southAt2x] = await pngPixels(app.page, big, [
      await at2x(PIN_AT.claimed, [0, 0]),
      await at2x(PIN_AT.claimed, [10, 0]),
      await at2x(SOUTH, [-2 * PIN_OFFSET[0], -2 * PIN_OFFSET[1]]),
    ]);
    expectColour(claimedCentre, PIN_FILL.claimed, 'export 2×, claimed pin centre');
    expectColour(claimedSide, PIN_FILL.claimed, 'export 2×, claimed pin, 10 px right of centre');
    expectColour(southAt2x, filled(REGIME), 'export 2×, south zone');
    expect(app.errors).toEqual([]);
    await app.page.close();
  });
});
