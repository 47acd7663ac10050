/**
 * Opening the controller's map (controller.ts): the early map adopted into the page, or a new
 * one on the app's style (or an external style, the thematic layers then added on top), with
 * its controls. Resolves `loaded` when layers can be added.
 */
import type { UiLang } from '../lib/lang';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { MapFeatures } from '../data/map-features';
import type { Timeline } from '../data/timeline';
import type { Dataset, LayerKind, LonLat } from '../data/types';
import type { View } from '../state/store';
import { adoptEarlyMap, type EarlyMap, MAP_DEFAULTS } from './early-map';
import type { FontUrls } from './font-faces';
import { buildStyle } from './style';
import type { TimePlan } from './time-plan';
import type { TimeStrategy } from './time-strategy';

export interface ControllerOptions {
  container: HTMLElement;
  dataset: Dataset;
  timeline: Timeline;
  features: MapFeatures;
  fonts: FontUrls;
  t: number;
  view: View;
  visible: readonly LayerKind[];
  /** An external basemap style URL; the thematic layers are added on top. */
  styleUrl?: string;
  /** A map already opened on the basemap while the data loaded (early-map.ts): adopted
   * instead of creating one; the thematic layers are added on top. */
  early?: EarlyMap;
  /** How time reaches the map (see time-strategy.ts); `keyed` unless benchmarking. */
  strategy?: TimeStrategy;
  /** The user moved the map. */
  onMove(view: View): void;
  /** The map's extent after any move, [west, south, east, north] degrees (the changes log
   * filters by it). */
  onExtent?(extent: [number, number, number, number]): void;
  /** The user clicked a report pin (id) or closed its popup (null). */
  onSelectReport(id: string | null): void;
  /** In drafting mode, the user clicked the map here. */
  onDraftClick(at: LonLat): void;
  /** Device pixels per CSS px; default the screen's (an export sets its own). */
  pixelRatio?: number;
  /** False for a map nobody touches (an export); default true. */
  interactive?: boolean;
  /** Embedded in a page: one finger or Ctrl + wheel to move, so the page scrolls past it. */
  cooperativeGestures?: boolean;
  /** Which controls to add: all (default), zoom buttons only (embeds: the page shows the
   * attribution itself), or none (an export draws its own). */
  controls?: 'full' | 'embed' | 'none';
  /** The interface language: place labels lead with its names; exports write their date and
   * legend in it. Default English. */
  lang?: UiLang;
}

/** The map for `opts`, drawn by `strategy` and `plan`, with its controls. */
export function openMap(
  opts: ControllerOptions,
  strategy: TimeStrategy,
  plan: TimePlan,
): { map: MapLibreMap; loaded: Promise<void> } {
  const { dataset, features, fonts, view, early } = opts;
  const adopted = early ? adoptEarlyMap(early, opts.container, view) : undefined;
  const map = adopted
    ? adopted.map
    : new MapLibreMap({
        ...MAP_DEFAULTS,
        container: opts.container,
        style:
          opts.styleUrl ??
          buildStyle({
            strategy,
            manifest: dataset.manifest,
            features,
            plan,
            fonts,
            resolve: (path) => new URL(path, dataset.baseUrl).href,
            initialTime: opts.t,
            lang: opts.lang,
          }),
        center: view.center,
        zoom: view.zoom,
        pixelRatio: opts.pixelRatio,
        interactive: opts.interactive ?? true,
        cooperativeGestures: opts.cooperativeGestures ?? false,
      });
  const controls = opts.controls ?? 'full';
  const addControls = () => {
    if (controls === 'full') {
      map.addControl(new AttributionControl({ customAttribution: dataset.manifest.attribution }));
      map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    }
    if (controls !== 'none')
      map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  };
  // On the adopted map, once it has its size: added to the 2 px map, the attribution line moved
  // from its corner to the map's when it grew (Lighthouse's only layout shift, 0.031).
  if (adopted) adopted.sized.then(addControls);
  else addControls();
  // The early map: loaded, and sized to the container (adoptEarlyMap).
  const loaded =
    early && adopted
      ? Promise.all([early.loaded, adopted.sized]).then(() => undefined)
      : new Promise<void>((res) => map.once('load', () => res()));
  return { map, loaded };
}
