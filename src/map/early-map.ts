/**
 * The map opened on the basemap alone as soon as the manifest is read, while the loading worker
 * still parses, validates and triangulates the layers: creating the WebGL context, compiling
 * shaders, loading the basemap sources and fonts then overlap the data's loading instead of
 * following it (seconds each on a large dataset in software WebGL; docs/performance.md,
 * "Loading a year of real-shaped daily zones"). The MapController adopts it once the data is
 * in: it moves the element into the page's map container and adds the thematic layers.
 */
import { Map as MapLibreMap, prewarm } from 'maplibre-gl';
import type { LonLat, Manifest } from '../data/types';
import type { FontUrls } from './font-faces';
import { confirmWarmPrograms, warmPrograms } from './layers/gl-program';
import { PIN_PROGRAM } from './layers/pin-layer';
import { basemapOnlyStyle } from './style';
import { ZONE_PROGRAMS } from './layers/zone-layer';
import { EARLY_MAP_WARM, WARM_UP_SOURCES, warmUpLayers } from './warm-up-layers';

/** The custom layer that starts compiling our layers' programs (removed on adoption). */
const WARM_UP = 'warm-up-programs';

export interface EarlyMap {
  map: MapLibreMap;
  /** The map's own container, moved into the page's map element on adoption. */
  element: HTMLElement;
  /** Resolves at the map's `load` (the basemap style is in). */
  loaded: Promise<void>;
  /** Removes the map (the dataset failed to load). */
  dispose(): void;
  /** Its WebGL context, once the map has one. */
  gl?: WebGL2RenderingContext;
  /** Set by adoptEarlyMap: no warm-up is added after it. */
  adopted?: boolean;
  /** Resolves once the warm-up copies have been drawn (their sources loaded, a frame after). */
  warmed: Promise<void>;
  /** Resolves at the map's `style.load`. */
  styled: Promise<void>;
}

/**
 * Starts MapLibre's worker now, before any map exists: the early map's tiles wait for it, and on
 * 2 busy cores it took most of a second to start. (A first WebGL context made in a worker of
 * ours, so that the main thread would not wait while the GPU process sets up, measured no
 * better: the early map is created too soon after for it to be done.)
 */
export function prewarmMap() {
  prewarm();
}

/** Options every map of the app is created with (the controller's and the early one). */
export const MAP_DEFAULTS = {
  attributionControl: false,
  // Scrubbing time must land at once: no label fade-in after each change (the default
  // 300 ms would also hold back the map's idle event).
  fadeDuration: 0,
  // The canvas must keep its pixels so that an image export can read them back.
  canvasContextAttributes: { preserveDrawingBuffer: true },
} as const;

export function openEarlyMap(
  manifest: Manifest,
  manifestUrl: string,
  fonts: FontUrls,
  view: { center: LonLat; zoom: number },
  cooperativeGestures: boolean,
): EarlyMap {
  // First, so that a manifest without a usable basemap throws before anything is added.
  const style = basemapOnlyStyle(manifest, fonts, (path) => new URL(path, manifestUrl).href);
  const element = document.createElement('div');
  // Unseen, and 2 px square until adopted: the map loads its style, fonts and sources and
  // compiles its shaders, but drawing costs nothing. Full-window, its hidden frames queued up in
  // software WebGL, and adoption's resize (which waits for every queued frame) held the page
  // for up to a second (docs/performance.md, "Newest first"). A full-window map at 1/32 of a
  // pixel per CSS pixel, which lays out the whole view's labels early, measured the same.
  element.style.cssText =
    'position:fixed;left:0;top:0;width:2px;height:2px;visibility:hidden;pointer-events:none;z-index:-1';
  document.body.append(element);
  // MapLibre's programs for the thematic layers, drawn on made-up features (warm-up-layers.ts):
  // in the style from the start, the warm-up source is the first the map's worker tiles.
  const warm = warmUpLayers(manifest.factions, view.center);
  const map = new MapLibreMap({
    ...MAP_DEFAULTS,
    container: element,
    style: {
      ...style,
      sources: { ...warm.sources, ...style.sources },
      layers: [...style.layers, ...warm.layers],
    },
    center: view.center,
    zoom: view.zoom,
    cooperativeGestures,
  });
  // As soon as the style is in (not at `load`, which waits for the basemap's tiles and often
  // comes after the data): the programs of our custom layers (the thematic layers' copies are in
  // the style itself, above).
  map.once('style.load', () => {
    // (Adopted first when the data came before the style: nothing left to warm up for.)
    if (early.adopted) return;
    map.addLayer({
      id: WARM_UP,
      type: 'custom',
      onAdd: (_map, gl) => {
        early.gl = gl as WebGL2RenderingContext;
        warmPrograms(early.gl, [...ZONE_PROGRAMS, PIN_PROGRAM]);
      },
      render: (gl) => confirmWarmPrograms(gl as WebGL2RenderingContext),
    });
    map.once('idle', () => performance.mark(EARLY_MAP_WARM));
  });
  const loaded = new Promise<void>((res) => map.once('load', () => res()));
  const styled = new Promise<void>((res) => map.once('style.load', () => res()));
  const warmed = new Promise<void>((res) => {
    // 'render' comes after a frame is drawn: the first with both copies' sources loaded drew them.
    // (Removed first, when adoption stopped waiting for them: done too, or this would run on
    // every frame for good.)
    const drawn = () => {
      const present = WARM_UP_SOURCES.every((id) => map.getSource(id));
      if (present && !WARM_UP_SOURCES.every((id) => map.isSourceLoaded(id))) return;
      map.off('render', drawn);
      res();
    };
    map.on('render', drawn);
  });
  const early: EarlyMap = {
    map,
    element,
    loaded,
    styled,
    warmed,
    dispose: () => {
      map.remove();
      element.remove();
    },
  };
  return early;
}

/** How long adoption waits at most for the warm-up to be drawn, and then for the GPU process to
 * finish what it was asked. */
const WARM_MAX_MS = 1000;
const SETTLE_MAX_MS = 1000;

const timeout = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/**
 * Resolves once the GPU process has done everything asked of `gl` so far (a fence, polled
 * without blocking: `getSyncParameter` reads a cached status), or after `maxMs`.
 */
function gpuSettled(gl: WebGL2RenderingContext | undefined, maxMs: number): Promise<void> {
  if (!gl) return Promise.resolve();
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!fence) return Promise.resolve();
  gl.flush();
  const start = performance.now();
  return new Promise((res) => {
    const poll = () => {
      if (
        gl.isContextLost() ||
        gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED ||
        performance.now() - start > maxMs
      ) {
        gl.deleteSync(fence);
        res();
      } else setTimeout(poll, 8);
    };
    poll();
  });
}

/**
 * Moves the early map into the page's map container at `view`; `sized` resolves once it is
 * sized to the container. Until then it stays 2 px: first until the warm-up copies have been
 * drawn (their programs built before any full-size frame needs them), then until the GPU
 * process has finished what the early map asked of it (building those pipelines, in software
 * WebGL hundreds of ms): resized at once, the canvas's new size held the page that long
 * (docs/performance.md, "Cold start"). The copies go just before the resize.
 */
export function adoptEarlyMap(
  early: EarlyMap,
  container: HTMLElement,
  view: { center: LonLat; zoom: number },
): { map: MapLibreMap; sized: Promise<void> } {
  const { map, element } = early;
  early.adopted = true;
  container.append(element);
  map.jumpTo({ center: view.center, zoom: view.zoom });
  const sized = Promise.race([early.warmed, timeout(WARM_MAX_MS)])
    .then(() => gpuSettled(early.gl, SETTLE_MAX_MS))
    .then(() => early.styled)
    .then(() => {
      if (map.getLayer(WARM_UP)) map.removeLayer(WARM_UP);
      for (const layer of map.getStyle().layers)
        if ('source' in layer && WARM_UP_SOURCES.includes(layer.source)) map.removeLayer(layer.id);
      for (const id of WARM_UP_SOURCES) if (map.getSource(id)) map.removeSource(id);
      element.style.cssText = 'position:absolute;inset:0';
      map.resize();
    });
  return { map, sized };
}
