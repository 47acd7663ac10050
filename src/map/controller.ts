import 'maplibre-gl/dist/maplibre-gl.css';
import { type Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapFeatures } from '../data/map-features';
import type { Timeline } from '../data/timeline';
import type { Comparison } from '../data/compare/compare';
import { filterReports } from '../data/filter/filtered-reports';
import { isFiltering, NO_FILTER, type ReportFilter } from '../data/filter/report-filter';
import type { Dataset, LayerKind, LonLat, Report } from '../data/types';
import type { ExportSize } from '../lib/export-compose';
import type { VideoExportHooks, VideoExportResult, VideoSpec } from '../lib/video-plan';
import type { View } from '../state/store';
import { BASEMAP_TOWNS, townFilter } from './basemap-style';
import { FROM_STORE, MapInteraction } from './interaction';
import {
  COMPARE_GAINED,
  PREVIEW_CIRCLE,
  layersOf,
  UNKNOWN_COLOR,
  globalStateDefaults,
  placePointsOf,
  timeLayers,
  thematicSources,
} from './style';
import { type ControllerOptions, openMap } from './open-map';
import { drawComparison, drawDraftPoint, drawPreview } from './overlays';
import { PinLayer } from './layers/pin-layer';
import { countRendered, type RenderedKind } from './rendered-count';
import { ZoneLayer } from './layers/zone-layer';
import { TimeSender } from './time-sender';
import { planTime, type TimePlan } from './time-plan';
import { pinsOnGpu, type TimeStrategy } from './time-strategy';

setWorkerUrl(workerUrl);

export type { ControllerOptions } from './open-map';

export class MapController {
  readonly map: MapLibreMap;
  private t: number;
  private visible: readonly LayerKind[] = [];
  /** Which reports the pins show (data/filter). */
  private reportFilter: ReportFilter = NO_FILTER;
  /** Valid pins of a file the user is checking in the browser. */
  private previewReports: Report[] = [];
  /** Resolves when the style and the thematic layers are in place. */
  readonly ready: Promise<void>;

  private readonly strategy: TimeStrategy;
  private readonly plan: TimePlan;
  /** The GPU pin layer (strategy gpu), or null when pins are map sources. */
  private readonly pins: PinLayer | null = null;
  /** The GPU zone layer (strategy gpu), or null when zones are a map source. */
  private readonly zones: ZoneLayer | null = null;
  /** Turns a time into global-state, uniform and feature-state changes (time-sender.ts). */
  private readonly timeSender: TimeSender;
  /** Pointer, clicks and the popup (interaction.ts). */
  private readonly interaction: MapInteraction;

  constructor(private opts: ControllerOptions) {
    this.strategy = opts.strategy ?? 'gpu';
    const mesh = this.strategy === 'gpu' ? opts.features.zoneMesh : undefined;
    // Without a zone mesh from the loader (zone-mesh.ts), zones come from a tiled source.
    if (this.strategy === 'gpu' && !mesh) this.strategy = 'tiled';
    const gpuPins = pinsOnGpu(this.strategy);
    this.plan = planTime(
      opts.features,
      undefined,
      !gpuPins,
      this.strategy === 'perday',
      mesh !== undefined,
    );
    if (gpuPins) this.pins = new PinLayer(opts.features.reports.features, opts.t);
    if (mesh)
      this.zones = new ZoneLayer(mesh, opts.dataset.manifest.factions, UNKNOWN_COLOR, opts.t);
    this.t = opts.t;
    const { map, loaded } = openMap(opts, this.strategy, this.plan);
    this.map = map;
    this.timeSender = new TimeSender(
      this.map,
      this.strategy,
      this.plan,
      this.pins,
      this.zones,
      opts.t,
    );
    this.ready = new Promise((res) => {
      loaded.then(() => {
        // Whatever fails here, the map must still become ready: the rest keeps working.
        try {
          if (opts.early) this.addToEarlyMap();
          else if (opts.styleUrl) this.addThematicLayers();
          // The zones go where the tiled zone layers would be: under the compare overlay.
          if (this.zones) this.map.addLayer(this.zones, COMPARE_GAINED);
          if (this.pins) this.map.addLayer(this.pins, PREVIEW_CIRCLE);
          this.sendTime(this.t);
          this.setVisibleLayers(opts.visible);
          this.reportExtent();
        } finally {
          res();
        }
      });
    });
    this.interaction = new MapInteraction({
      map: this.map,
      plan: this.plan,
      pins: this.pins,
      dataset: () => this.opts.dataset,
      timeline: () => this.opts.timeline,
      t: () => this.t,
      previewReports: () => this.previewReports,
      onSelectReport: (id) => this.opts.onSelectReport(id),
      onDraftClick: (at) => this.opts.onDraftClick(at),
    });
    this.map.on('moveend', (e) => {
      this.reportExtent();
      // Moves that came from the store are not echoed back; the app's own moves (a searched
      // place, a report from the feed) are reported like the user's, so the URL follows them.
      if ((e as { fromStore?: boolean }).fromStore) return;
      const c = this.map.getCenter();
      this.opts.onMove({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    });
  }

  private reportExtent() {
    const b = this.map.getBounds();
    this.opts.onExtent?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
  }

  /** On the early map (basemap only): what buildStyle would have added, global-state
   * defaults first so the thematic layers' filters read them from the start. */
  private addToEarlyMap() {
    for (const [key, spec] of Object.entries(globalStateDefaults(this.plan, this.t) ?? {}))
      this.map.setGlobalStateProperty(key, spec.default);
    const places = placePointsOf(this.opts.features);
    if (places.length && this.map.getLayer(BASEMAP_TOWNS))
      this.map.setFilter(BASEMAP_TOWNS, townFilter(places));
    this.addThematicLayers();
  }

  /** With an external style, our sources and layers go on top of it. */
  private addThematicLayers() {
    for (const [id, source] of Object.entries(thematicSources(this.opts.features, this.plan)))
      this.map.addSource(id, source);
    for (const layer of timeLayers(
      this.opts.dataset.manifest.factions,
      this.plan,
      this.strategy,
      this.t,
      this.opts.lang,
    ))
      this.map.addLayer(layer);
  }

  /** Shows the valid pins of a file being checked (replaced on each new file). */
  setPreview(reports: Report[]) {
    this.previewReports = reports;
    if (reports.length > 0) this.sendTime(this.t);
    drawPreview(this.map, reports);
  }

  /** Drafting mode: a map click places the draft pin instead of opening popups. */
  setDrafting(on: boolean) {
    this.interaction.setDrafting(on);
  }

  /** Where the pin being drafted is, or null. */
  setDraftPoint(at: LonLat | null) {
    drawDraftPoint(this.map, at);
  }

  /**
   * Moves the map to time t (epoch ms): global-state values change, and only the sources whose
   * snapped key changed are re-tiled (time-plan.ts); no data is re-sent.
   */
  applyTime(t: number) {
    if (t === this.t) return;
    this.t = t;
    // Not guarded by isStyleLoaded(): that is false while tiles load, and a scrub must never be
    // dropped. The store is bound only after `ready`, when the style exists.
    this.sendTime(t);
  }

  private sendTime(t: number) {
    this.timeSender.send(t, {
      previewing: this.previewReports.length > 0,
      dataset: this.opts.dataset,
      timeline: this.opts.timeline,
      features: this.opts.features,
    });
  }

  /** Shows the layers of the given kinds and hides the others. */
  setVisibleLayers(kinds: readonly LayerKind[]) {
    this.visible = kinds;
    for (const [kind, layers] of Object.entries(layersOf(this.plan)) as [
      LayerKind,
      readonly string[],
    ][]) {
      const visibility = kinds.includes(kind) ? 'visible' : 'none';
      for (const id of layers)
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visibility);
    }
    this.pins?.setVisible(kinds.includes('reports'));
    this.zones?.setVisible(kinds.includes('zones'));
  }

  /** Moves the camera (not reported back as a user move). */
  setView(view: View) {
    const c = this.map.getCenter();
    if (
      Math.abs(c.lng - view.center[0]) < 1e-6 &&
      Math.abs(c.lat - view.center[1]) < 1e-6 &&
      Math.abs(this.map.getZoom() - view.zoom) < 1e-3
    )
      return;
    this.map.jumpTo({ center: view.center, zoom: view.zoom }, FROM_STORE);
  }

  /** Opens the popup of a report (and moves to it), or closes it with null. */
  showReport(id: string | null) {
    this.interaction.showReport(id);
  }

  /**
   * Resolves at the next `idle` event once the map is ready: everything for the current state is
   * drawn. (Before `ready`, an adopted early map can go idle at 2 px, without the thematic layers
   * and before the store is bound.)
   */
  whenIdle(): Promise<void> {
    return this.ready.then(
      () =>
        new Promise((res) => {
          this.map.once('idle', () => res());
          this.map.triggerRepaint();
        }),
    );
  }

  /** How many distinct features of a layer kind (or the preview/draft pins) are drawn now. */
  renderedCount(kind: RenderedKind): number {
    return countRendered(this.map, kind, {
      visible: this.visible,
      plan: this.plan,
      strategy: this.strategy,
      pins: this.pins,
      zones: this.zones,
    });
  }

  /**
   * More of the dataset arrived after the map opened (the other days' zones, the report files):
   * a new zone mesh goes to the GPU zone layer, the pins to the GPU pin layer (one upload each),
   * the dataset to popups. Only the gpu strategy opens the map early.
   */
  setData(dataset: Dataset, timeline: Timeline, features: MapFeatures) {
    const mesh = features.zoneMesh;
    if (mesh && mesh !== this.opts.features.zoneMesh) this.zones?.setMesh(mesh);
    this.opts = { ...this.opts, dataset, timeline, features };
    this.pins?.setPins(features.reports.features);
    this.setReportFilter(this.reportFilter);
  }

  /**
   * Shows only the reports the filter lets through. The GPU pins get a one-byte mask per pin (no
   * re-upload of the pins); the benchmark's other strategies draw every pin.
   */
  setReportFilter(filter: ReportFilter) {
    this.reportFilter = filter;
    if (!this.pins) return;
    if (!isFiltering(filter)) return this.pins.setFilter(null);
    const { index, mask } = filterReports(this.opts.dataset.reports, filter);
    this.pins.setFilter({ ids: index.ids, mask });
  }

  /** Shows only the pins reported in the `ms` before t (Infinity: all so far), older ones
   * fainter: a shader uniform. */
  setPinWindow(ms: number) {
    this.pins?.setWindow(ms);
  }

  /**
   * Compare mode: draws the areas gained and lost between A and B and rings the places that
   * changed hands; null clears both.
   */
  setComparison(c: Comparison | null) {
    drawComparison(this.map, c);
  }

  /** Shows a place (from the search box): moves there if needed and opens its popup. */
  showPlace(id: string | null) {
    this.interaction.showPlace(id);
  }

  /** Screen position (CSS px, relative to the map container) of a [lon, lat]. */
  project(at: LonLat): { x: number; y: number } {
    const p = this.map.project(at);
    return { x: p.x, y: p.y };
  }

  /**
   * Renders the current moment and view into a PNG at a size of its own (CSS px × pixelRatio),
   * with the title, date, legend, scale bar and attribution drawn in (export-map.ts). The map on
   * screen is not touched: a second, offscreen map draws the image.
   */
  async exportImage(size: ExportSize): Promise<Blob> {
    // Loaded on first use: the export code stays out of the app's first download.
    const { exportMap } = await import('./export/export-map');
    return exportMap(this.exportOptions(), size);
  }

  /**
   * Renders a video of the current view and layers from moment A to moment B (spec), frame by
   * frame on a second, offscreen map (export-video.ts, loaded with its encoder on first use).
   */
  async exportVideo(spec: VideoSpec, hooks: VideoExportHooks = {}): Promise<VideoExportResult> {
    const { exportVideo } = await import('./export/export-video');
    return exportVideo(this.exportOptions(), spec, hooks);
  }

  /** What an export draws: this map's data, time, view and visible layers (on a map of its
   * own: never the early map this one adopted). */
  private exportOptions() {
    const c = this.map.getCenter();
    return {
      ...this.opts,
      early: undefined,
      t: this.t,
      view: { center: [c.lng, c.lat] as LonLat, zoom: this.map.getZoom() },
      visible: this.visible,
    };
  }

  destroy() {
    this.map.remove();
  }
}
