/**
 * Draws an exported image: a second MapController in an offscreen element of the export's size
 * renders the same style, time and layers; after its `idle` event its canvas (kept by
 * preserveDrawingBuffer) is composed with the overlays by drawExport. Loaded on demand.
 */
import { drawExport, type ExportSize, exportSizeProblem } from '../lib/export-compose';
import { metresPerPixel, scaleBar } from '../lib/scale-bar';
import { formatUtcInWords } from '../lib/time';
import { type ControllerOptions, MapController } from './controller';
import { UNKNOWN_COLOR } from './style';

/** The widest scale bar drawn, CSS px. */
const SCALE_MAX_PX = 160;

/** Renders `opts` (moment, view, layers) offscreen at `size` and returns the PNG. */
export async function exportMap(
  opts: Omit<ControllerOptions, 'container'>,
  size: ExportSize,
): Promise<Blob> {
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
  try {
    await shot.ready;
    await shot.whenIdle();
    const canvas = document.createElement('canvas');
    canvas.width = width * pixelRatio;
    canvas.height = height * pixelRatio;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Cannot export this image: no 2D canvas in this browser.');
    const { manifest } = opts.dataset;
    drawExport(ctx, shot.map.getCanvas(), size, {
      title: manifest.title,
      when: formatUtcInWords(opts.t),
      legend: [
        ...manifest.factions.map((f) => ({ label: f.label, color: f.color })),
        { label: 'Controller not known', color: UNKNOWN_COLOR },
      ],
      scale: scaleBar(metresPerPixel(opts.view.center[1], opts.view.zoom), SCALE_MAX_PX),
      attribution: manifest.attribution,
    });
    return await new Promise<Blob>((res, rej) =>
      canvas.toBlob(
        (b) => (b ? res(b) : rej(new Error('Cannot export this image: PNG encoding failed.'))),
        'image/png',
      ),
    );
  } finally {
    shot.destroy();
    holder.remove();
  }
}
