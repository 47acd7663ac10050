/**
 * Reading PNGs in browser tests. The size comes from the IHDR chunk (bytes 16–23); pixels are
 * decoded by the browser (an <img> drawn into a canvas), so no PNG decoder is added to the
 * project: the same Chromium that draws the export reads it back.
 */
import type { Page } from 'playwright-core';

/** Width and height in pixels, from the PNG header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Decodes a PNG in the page and answers: how many distinct colours it has (a blank image has
 * one), which of `colors` ("#rrggbb") fill at least `minPixels` pixels of `region` (within 12
 * per channel: a legend swatch, not a stray anti-aliased pixel), and the mean absolute
 * difference per channel (0–255) from `other`, if given.
 */
export async function inspectPng(
  page: Page,
  png: Buffer,
  opts: { region?: Region; colors?: string[]; minPixels?: number; other?: Buffer } = {},
): Promise<{ distinctColors: number; found: string[]; meanDiff: number | null }> {
  const toUrl = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
  return page.evaluate(
    async ({ a, b, region, colors, minPixels }) => {
      const read = async (url: string) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const pa = await read(a);
      const seen = new Set<number>();
      for (let i = 0; i < pa.data.length; i += 4 * 7)
        seen.add((pa.data[i] << 16) | (pa.data[i + 1] << 8) | pa.data[i + 2]);
      const found: string[] = [];
      if (region && colors) {
        const rgb = colors.map((h) => [1, 3, 5].map((k) => Number.parseInt(h.slice(k, k + 2), 16)));
        rgb.forEach((want, n) => {
          let count = 0;
          for (let y = region.y; y < region.y + region.h; y++)
            for (let x = region.x; x < region.x + region.w; x++) {
              const i = 4 * (y * pa.width + x);
              if (want.every((v, k) => Math.abs(pa.data[i + k] - v) <= 12)) count++;
            }
          if (count >= minPixels) found.push(colors[n]);
        });
      }
      let meanDiff: number | null = null;
      if (b) {
        const pb = await read(b);
        if (pb.width === pa.width && pb.height === pa.height) {
          let sum = 0;
          for (let i = 0; i < pa.data.length; i++) sum += Math.abs(pa.data[i] - pb.data[i]);
          meanDiff = sum / pa.data.length;
        }
      }
      return { distinctColors: seen.size, found, meanDiff };
    },
    {
      a: toUrl(png),
      b: opts.other ? toUrl(opts.other) : null,
      region: opts.region ?? null,
      colors: opts.colors ?? null,
      minPixels: opts.minPixels ?? 1,
    },
  );
}

/** The RGBA colour (0–255) of a PNG at each of `points` (device pixels from the top left). */
export async function pngPixels(
  page: Page,
  png: Buffer,
  points: readonly { x: number; y: number }[],
): Promise<number[][]> {
  return page.evaluate(
    async ({ url, points }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      return points.map((p) => [...ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data]);
    },
    { url: `data:image/png;base64,${png.toString('base64')}`, points },
  );
}
