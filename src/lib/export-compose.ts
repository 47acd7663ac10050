/**
 * Composes an exported image: the map's pixels, then the title, date and time, legend, scale bar
 * and attribution drawn on a 2D canvas. Shared by the app's "Download PNG" and
 * `npm run snapshot` (both call MapController.exportImage, which calls drawExport). The layout is
 * a pure function of the size, so tests know where the legend is. Sizes are CSS px; the canvas
 * holds width × pixelRatio by height × pixelRatio device pixels.
 */
import type { MessageId } from '../i18n/i18n';
import { formatIsoUtc } from './time';
import type { ScaleBar } from './scale-bar';

export interface ExportSize {
  /** CSS px. */
  width: number;
  height: number;
  /** Device pixels per CSS px: 1 for screens, 2 for print. */
  pixelRatio: number;
}

/** Sizes offered in the app (CSS px); each also at pixelRatio 2 for print. */
export const EXPORT_PRESETS = [
  { width: 1200, height: 675, label: '1200 × 675 (16:9, articles)', labelId: 'size.articles' },
  { width: 1080, height: 1080, label: '1080 × 1080 (square, social)', labelId: 'size.social' },
  { width: 1600, height: 900, label: '1600 × 900 (16:9, large)', labelId: 'size.large' },
] as const satisfies readonly {
  width: number;
  height: number;
  label: string;
  labelId: MessageId;
}[];

/** The largest side of an export in device pixels (MapLibre's default maxCanvasSize). */
export const EXPORT_MAX_PX = 4096;
/** The smallest side of an export in CSS px, so the overlays fit. */
export const EXPORT_MIN_CSS = 300;

export interface LegendEntry {
  label: string;
  /** CSS colour. */
  color: string;
}

/** What is drawn over the map. */
export interface ExportDrawing {
  title: string;
  /** "23 October 2015, 23:34 UTC". */
  when: string;
  legend: readonly LegendEntry[];
  scale: ScaleBar;
  attribution: string;
  /** The interface's writing direction: right to left, the boxes' texts start at their right
   * edge (the swatches too), as the page's do. Default left to right. */
  dir?: 'ltr' | 'rtl';
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const PAD = 12;
const ROW = 20;
const SWATCH = 14;
const ATTRIBUTION_H = 22;

/** Where each overlay goes, CSS px from the top left. */
export function exportLayout(
  width: number,
  height: number,
  legendRows: number,
): { title: Rect; legend: Rect; scale: Rect; attribution: Rect } {
  const attribution = { x: 0, y: height - ATTRIBUTION_H, w: width, h: ATTRIBUTION_H };
  const legendW = Math.min(320, Math.floor(width * 0.45));
  const legendH = PAD + legendRows * ROW + PAD / 2;
  return {
    title: { x: PAD, y: PAD, w: Math.min(width - 2 * PAD, 820), h: 62 },
    legend: { x: width - legendW - PAD, y: attribution.y - legendH - PAD, w: legendW, h: legendH },
    scale: { x: PAD, y: attribution.y - 34 - PAD, w: 180, h: 34 },
    attribution,
  };
}

/** Checks a requested export size; returns what is wrong, or null. */
export function exportSizeProblem(s: ExportSize): string | null {
  const ints = [s.width, s.height].every((n) => Number.isInteger(n));
  if (!ints || s.width < EXPORT_MIN_CSS || s.height < EXPORT_MIN_CSS)
    return `width and height must be whole numbers of at least ${EXPORT_MIN_CSS} px`;
  if (!(s.pixelRatio >= 1 && s.pixelRatio <= 4)) return 'the pixel ratio must be between 1 and 4';
  if (Math.max(s.width, s.height) * s.pixelRatio > EXPORT_MAX_PX)
    return `the image may be at most ${EXPORT_MAX_PX} px on its longest side (size × scale)`;
  return null;
}

/** The dataset's title as a file-name part: "aleppo-front-october-november-2015". */
export function datasetSlug(datasetTitle: string): string {
  return (
    datasetTitle
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'map'
  );
}

/** A moment (epoch ms) as a file-name part: "2015-10-23-2334utc". */
export function momentSlug(t: number): string {
  const iso = formatIsoUtc(t);
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}utc`;
}

/** "aleppo-front-october-november-2015_2015-10-23-2334utc.png": the dataset and the moment. */
export function exportFileName(datasetTitle: string, t: number): string {
  return `${datasetSlug(datasetTitle)}_${momentSlug(t)}.png`;
}

/** Shortens text with "…" to fit maxW at the context's current font. */
function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxW: number): string {
  if (ctx.measureText(text).width <= maxW) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxW) s = s.slice(0, -1);
  return `${s}…`;
}

const FONT = 'system-ui, "Noto Sans", sans-serif';
const PANEL = 'rgba(255, 255, 255, 0.88)';
const INK = '#1d1d1d';

/** Draws the map image and the overlays into ctx, whose canvas is the export's device size. */
export function drawExport(
  ctx: CanvasRenderingContext2D,
  mapImage: CanvasImageSource,
  size: ExportSize,
  d: ExportDrawing,
): void {
  const { width, height, pixelRatio } = size;
  ctx.save();
  ctx.drawImage(mapImage, 0, 0, width * pixelRatio, height * pixelRatio);
  ctx.scale(pixelRatio, pixelRatio);
  const box = exportLayout(width, height, d.legend.length);
  ctx.textBaseline = 'middle';
  const rtl = d.dir === 'rtl';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  /** x of a text's start `inset` px inside a box, from its left edge, or its right one in RTL. */
  const startX = (r: Rect, inset: number) => (rtl ? r.x + r.w - inset : r.x + inset);

  ctx.fillStyle = PANEL;
  ctx.fillRect(box.title.x, box.title.y, box.title.w, box.title.h);
  ctx.fillStyle = INK;
  ctx.font = `bold 20px ${FONT}`;
  ctx.fillText(ellipsize(ctx, d.title, box.title.w - 20), startX(box.title, 10), box.title.y + 20);
  ctx.font = `15px ${FONT}`;
  ctx.fillText(ellipsize(ctx, d.when, box.title.w - 20), startX(box.title, 10), box.title.y + 44);

  const lg = box.legend;
  ctx.fillStyle = PANEL;
  ctx.fillRect(lg.x, lg.y, lg.w, lg.h);
  ctx.font = `13px ${FONT}`;
  d.legend.forEach((entry, i) => {
    const cy = lg.y + PAD + i * ROW + ROW / 2 - 4;
    ctx.fillStyle = entry.color;
    ctx.fillRect(rtl ? startX(lg, 10) - SWATCH : lg.x + 10, cy - SWATCH / 2, SWATCH, SWATCH);
    ctx.fillStyle = INK;
    const label = ellipsize(ctx, entry.label, lg.w - 20 - SWATCH - 8);
    ctx.fillText(label, startX(lg, 10 + SWATCH + 8), cy);
  });
  ctx.direction = 'ltr';
  ctx.textAlign = 'left';

  const sc = box.scale;
  ctx.fillStyle = PANEL;
  ctx.fillRect(sc.x, sc.y, Math.max(d.scale.px, 60) + 20, sc.h);
  ctx.fillStyle = INK;
  ctx.font = `12px ${FONT}`;
  ctx.fillText(d.scale.label, sc.x + 10, sc.y + 11);
  ctx.fillRect(sc.x + 10, sc.y + 24, d.scale.px, 3);
  ctx.fillRect(sc.x + 10, sc.y + 18, 2, 9);
  ctx.fillRect(sc.x + 10 + d.scale.px - 2, sc.y + 18, 2, 9);

  const at = box.attribution;
  ctx.fillStyle = PANEL;
  ctx.fillRect(at.x, at.y, at.w, at.h);
  ctx.fillStyle = INK;
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.fillText(ellipsize(ctx, d.attribution, at.w - 16), at.x + at.w - 8, at.y + at.h / 2);
  ctx.restore();
}
