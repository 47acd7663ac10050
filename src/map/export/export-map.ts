/**
 * Draws exported images: a second MapController in an offscreen element of the export's size
 * renders the same style, time and layers; after its `idle` event its canvas (kept by
 * preserveDrawingBuffer) is composed with the overlays by drawExport. The PNG export draws one
 * moment; the video export (export-video.ts) steps the same offscreen map through many. Loaded
 * on demand.
 */
import { drawExport, type ExportSize, exportSizeProblem } from '../../lib/export-compose';
import { metresPerPixel, scaleBar } from '../../lib/scale-bar';
import { t as tr } from '../../i18n/i18n';
import { dirOf } from '../../lib/lang';
import { formatUtcInWords } from '../../lib/time';
import { type ControllerOptions, MapController } from '../controller';
import { UNKNOWN_COLOR } from '../style';

/** The widest scale bar drawn, CSS px. */
const SCALE_MAX_PX = 160;

export type ExportMapOptions = Omit<ControllerOptions, 'container'>;

/** An offscreen map and the canvas its frames are composed on. */
export interface OffscreenExport {
  /** The offscreen map: move it with applyTime, wait for whenIdle. */
  readonly shot: MapController;
  /** The composed image, the export's device size. */
  readonly canvas: HTMLCanvasElement;
  /** Draws the map as it is now with the overlays, the date reading t (epoch ms). */
  compose(t: number): void;
  /** Removes the map and its element. */
  close(): void;
}

/**
 * Opens a map of `opts` (moment, view, layers) offscreen at `size` and resolves once it is drawn
 * (first `idle`). The caller must close() it.
 */
export async function openOffscreenExport(
  opts: ExportMapOptions,
  size: ExportSize,
): Promise<OffscreenExport> {
  const problem = exportSizeProblem(size);
  if (problem) throw new Error(`Cannot export this image: ${problem}.`);
  const { width, height, pixelRatio } = size;
  const holder = document.createElement('div');
  // Off the page, but laid out at its full size: MapLibre sizes its canvas from the element.
  holder.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;pointer-events:none`;
  holder.setAttribute('aria-hidden', 'true');
  document.body.append(holder);
  const noop = () => {};
  const shot = new MapController({
    ...opts,
    container: holder,
    pixelRatio,
    interactive: false,
    cooperativeGestures: false,
    controls: 'none',
    onMove: noop,
    onSelectReport: noop,
    onDraftClick: noop,
  });
  const close = () => {
    shot.destroy();
    holder.remove();
  };
  try {
    await shot.ready;
    await shot.whenIdle();
    const canvas = document.createElement('canvas');
    canvas.width = width * pixelRatio;
    canvas.height = height * pixelRatio;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Cannot export this image: no 2D canvas in this browser.');
    const { manifest } = opts.dataset;
    // The date and legend in the interface language (the title and factions are the data's).
    const lang = opts.lang ?? 'en';
    const legend = [
      ...manifest.factions.map((f) => ({ label: f.label, color: f.color })),
      { label: tr('legend.unknown'), color: UNKNOWN_COLOR },
    ];
    // The view does not move during an export: one scale bar for every frame.
    const scale = scaleBar(metresPerPixel(opts.view.center[1], opts.view.zoom), SCALE_MAX_PX);
    const compose = (t: number) =>
      drawExport(ctx, shot.map.getCanvas(), size, {
        title: manifest.title,
        when: formatUtcInWords(t, lang),
        dir: dirOf(lang),
        legend,
        scale,
        attribution: manifest.attribution,
      });
    return { shot, canvas, compose, close };
  } catch (e) {
    close();
    throw e;
  }
}

/** Renders `opts` (moment, view, layers) offscreen at `size` and returns the PNG. */
export async function exportMap(opts: ExportMapOptions, size: ExportSize): Promise<Blob> {
  const out = await openOffscreenExport(opts, size);
  try {
    out.compose(opts.t);
    return await new Promise<Blob>((res, rej) =>
      out.canvas.toBlob(
        (b) => (b ? res(b) : rej(new Error('Cannot export this image: PNG encoding failed.'))),
        'image/png',
      ),
    );
  } finally {
    out.close();
  }
}
