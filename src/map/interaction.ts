/**
 * What the pointer and a selection do on the map: hover cursors, clicks on pins and places,
 * drafting clicks, and the one popup (a report's or a place's). Owned by MapController, which
 * hands it the map and reads of its current data and time.
 */
import { type Map as MapLibreMap, type MapLayerMouseEvent, Popup } from 'maplibre-gl';
import type { Timeline } from '../data/timeline';
import type { Dataset, LonLat, Place, Report } from '../data/types';
import type { PinLayer } from './layers/pin-layer';
import { loadMessages } from '../i18n/i18n';
import { clickableLayers, layersOf, PLACES_CIRCLE, PREVIEW_CIRCLE } from './style';
import type { TimePlan } from './time-plan';

/**
 * Marks a camera move that follows the store's view (a link opened, a hash edit), so the map does
 * not report it back to the store it came from. Every other move, the user's or the app's own
 * (showing a searched place, a report, a change), is reported, so the URL follows it.
 */
export const FROM_STORE = { fromStore: true };

export interface InteractionHost {
  map: MapLibreMap;
  plan: TimePlan;
  pins: PinLayer | null;
  /** The data, time index and moment as they are now (reports may arrive after opening). */
  dataset(): Dataset;
  timeline(): Timeline;
  t(): number;
  /** Pins of a file being checked. */
  previewReports(): Report[];
  onSelectReport(id: string | null): void;
  onDraftClick(at: LonLat): void;
}

type PopupContent = typeof import('./popup-content');
/**
 * The popups' code and their strings: a chunk fetched on the first popup (it is not needed to
 * open the map, whose start JavaScript has a budget: tests/e2e/app.test.ts).
 */
let popupContent: Promise<PopupContent> | null = null;
const loadPopupContent = () =>
  (popupContent ??= Promise.all([import('./popup-content'), loadMessages('popup')]).then(
    ([m]) => m,
  ));

export class MapInteraction {
  private drafting = false;
  private popup: Popup | null = null;
  private popupReport: string | null = null;
  /** Counts popup requests: one answered after a newer one (or a close) is dropped. */
  private popupRequest = 0;

  constructor(private readonly host: InteractionHost) {
    this.bindEvents();
  }

  /** Drafting mode: a map click places the draft pin instead of opening popups. */
  setDrafting(on: boolean) {
    this.drafting = on;
    this.host.map.getCanvas().style.cursor = on ? 'crosshair' : '';
    if (on) this.closePopup();
  }

  /** Opens the popup of a report (and moves to it), or closes it with null. */
  showReport(id: string | null) {
    if (id === this.popupReport) return;
    const report = id ? this.host.dataset().reports.find((r) => r.id === id) : undefined;
    if (!report) {
      this.closePopup();
      return;
    }
    const at = report.geometry.coordinates as LonLat;
    this.openPopup(at, (c) => c.reportPopup(report), report.id);
    const map = this.host.map;
    if (!map.getBounds().contains(at)) map.easeTo({ center: at, duration: 600 });
  }

  /** Shows a place (from the search box): moves there if needed and opens its popup. */
  showPlace(id: string | null) {
    const place = id ? this.host.dataset().places.find((p) => p.id === id) : undefined;
    if (!place) return;
    const at = place.geometry.coordinates as LonLat;
    this.openPlacePopup(place);
    const map = this.host.map;
    if (!map.getBounds().contains(at) || map.getZoom() < 9)
      map.easeTo({ center: at, zoom: Math.max(map.getZoom(), 10), duration: 600 });
  }

  private bindEvents() {
    const { map, plan, pins } = this.host;
    for (const layer of clickableLayers(plan)) {
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = this.drafting ? 'crosshair' : '';
      });
    }
    map.on('click', (e) => {
      if (this.drafting) return this.host.onDraftClick([e.lngLat.lng, e.lngLat.lat]);
      // GPU pins have no queryRenderedFeatures: the layer answers from its own arrays.
      const pin = pins?.pinAt(e.point);
      if (pin && !this.hit(e, [PREVIEW_CIRCLE])) this.host.onSelectReport(pin);
    });
    if (pins)
      map.on('mousemove', (e) => {
        if (this.drafting) return;
        if (pins.pinAt(e.point) !== null) map.getCanvas().style.cursor = 'pointer';
        else if (map.getCanvas().style.cursor === 'pointer' && !this.hit(e, clickableLayers(plan)))
          map.getCanvas().style.cursor = '';
      });
    map.on('click', PREVIEW_CIRCLE, (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      const report = this.host.previewReports().find((r) => r.id === id);
      if (report && !this.drafting)
        this.openPopup(report.geometry.coordinates as LonLat, (c) => c.reportPopup(report));
    });
    for (const layer of layersOf(plan).reports)
      map.on('click', layer, (e: MapLayerMouseEvent) => {
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === 'string' && !this.drafting && !this.hit(e, [PREVIEW_CIRCLE]))
          this.host.onSelectReport(id);
      });
    map.on('click', PLACES_CIRCLE, (e: MapLayerMouseEvent) => {
      // A pin drawn over the place wins.
      if (
        this.drafting ||
        this.hit(e, [...layersOf(plan).reports, PREVIEW_CIRCLE]) ||
        pins?.pinAt(e.point)
      )
        return;
      const id = e.features?.[0]?.properties?.id;
      const place = this.host.dataset().places.find((p) => p.id === id);
      if (place) this.openPlacePopup(place);
    });
  }

  private hit(e: MapLayerMouseEvent, layers: string[]): boolean {
    const map = this.host.map;
    return (
      map.queryRenderedFeatures(e.point, { layers: layers.filter((l) => map.getLayer(l)) }).length >
      0
    );
  }

  private openPlacePopup(place: Place) {
    const t = this.host.t();
    this.host.onSelectReport(null);
    const span = this.host.timeline().controlAt(place.id, t);
    const { factions } = this.host.dataset().manifest;
    this.openPopup(place.geometry.coordinates as LonLat, (c) =>
      c.placePopup(place, span, factions, t),
    );
  }

  private openPopup(
    at: LonLat,
    build: (c: PopupContent) => HTMLElement,
    reportId: string | null = null,
  ) {
    this.closePopup();
    // Known at once, so a second request for the same report is not made while this one loads.
    this.popupReport = reportId;
    const request = this.popupRequest;
    loadPopupContent().then((c) => {
      if (request === this.popupRequest) this.addPopup(at, build(c), reportId);
    });
  }

  private addPopup(at: LonLat, content: HTMLElement, reportId: string | null) {
    const popup = new Popup({ maxWidth: '320px', focusAfterOpen: true, offset: 12 })
      .setLngLat(at)
      .setDOMContent(content)
      .addTo(this.host.map);
    this.popup = popup;
    this.popupReport = reportId;
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = null;
      this.popupReport = null;
      if (reportId) this.host.onSelectReport(null);
    });
  }

  private closePopup() {
    this.popupRequest++;
    const p = this.popup;
    this.popup = null;
    this.popupReport = null;
    p?.remove();
  }
}
