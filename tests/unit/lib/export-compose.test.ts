import { describe, expect, it } from 'vitest';
import {
  EXPORT_PRESETS,
  exportFileName,
  exportLayout,
  exportSizeProblem,
} from '../../../src/lib/export-compose';
import { metresPerPixel, scaleBar } from '../../../src/lib/scale-bar';

describe('export layout', () => {
  it('keeps every overlay inside the image and apart, for every preset', () => {
    for (const p of EXPORT_PRESETS) {
      const box = exportLayout(p.width, p.height, 6);
      for (const r of Object.values(box)) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w).toBeLessThanOrEqual(p.width);
        expect(r.y + r.h).toBeLessThanOrEqual(p.height);
      }
      expect(box.legend.y + box.legend.h).toBeLessThanOrEqual(box.attribution.y);
      expect(box.title.y + box.title.h).toBeLessThan(box.legend.y);
      expect(box.scale.x + box.scale.w).toBeLessThan(box.legend.x);
    }
  });

  it('refuses sizes the map cannot render or the overlays cannot fit', () => {
    expect(exportSizeProblem({ width: 1600, height: 900, pixelRatio: 2 })).toBeNull();
    expect(exportSizeProblem({ width: 200, height: 900, pixelRatio: 1 })).toMatch(/at least 300/);
    expect(exportSizeProblem({ width: 1200.5, height: 900, pixelRatio: 1 })).toMatch(/whole/);
    expect(exportSizeProblem({ width: 3000, height: 900, pixelRatio: 2 })).toMatch(/4096/);
  });

  it('names the file with the dataset and the moment', () => {
    expect(
      exportFileName('Aleppo front, October–November 2015', Date.parse('2015-10-23T23:34:00Z')),
    ).toBe('aleppo-front-october-november-2015_2015-10-23-2334utc.png');
    expect(exportFileName('حلب', 0)).toBe('map_1970-01-01-0000utc.png');
  });
});

describe('scale bar', () => {
  it('measures the ground at the equator and shrinks towards the poles', () => {
    // Zoom 0: one 512 px tile spans the equator's 40,075 km.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(60, 0)).toBeCloseTo(78_271.5 / 2, 0);
  });

  it('picks the longest round distance that fits', () => {
    const mpp = metresPerPixel(36.05, 8.6); // Aleppo, the dataset's default view: ~ 200 m/px
    const bar = scaleBar(mpp, 160);
    expect(bar.label).toBe('20 km');
    expect(bar.px).toBeLessThanOrEqual(160);
    expect(bar.px).toBeGreaterThan(60);
    expect(scaleBar(1, 160)).toEqual({ metres: 100, px: 100, label: '100 m' });
    expect(scaleBar(1, 99).label).toBe('50 m');
  });
});
