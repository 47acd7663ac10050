/**
 * Turns a moment into what the map needs, sending only what changed: the GPU pins' uniform,
 * the snapped global-state keys of zones and places (time-plan.ts), the feature state of place
 * dots whose controller changed, and, for the benchmark's baseline, setData of active features.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapFeatures } from '../data/map-features';
import type { Timeline } from '../data/timeline';
import type { Dataset } from '../data/types';
import type { PinLayer } from './layers/pin-layer';
import type { ZoneLayer } from './layers/zone-layer';
import {
  CONTESTED_STATE,
  FACTION_STATE,
  FRONT_STATE,
  FRONTS_SOURCE,
  PLACE_LABELS_SOURCE,
  PLACES_SOURCE,
  reportsSourceId,
  ZONES_SOURCE,
  zoneVersionLayers,
} from './style';
import { TIME_STATE } from './time-filters';
import { activeVersions, FRONTS_KEY, keyValues, PLACES_KEY, type TimePlan } from './time-plan';
import { pinsOnGpu, type TimeStrategy } from './time-strategy';

export interface TimeContext {
  /** A file is being previewed: its pins read the plain time. */
  previewing: boolean;
  dataset: Dataset;
  timeline: Timeline;
  features: MapFeatures;
}

export class TimeSender {
  /** Global-state values last set, so only changed keys are sent. */
  private stateSent: Record<string, number> = {};
  /** Controller and contesting side of each place as last sent to the map's feature state. */
  private placeFactions = new Map<string, string>();
  /** Front lines whose feature state is on. */
  private frontsOn = new Set<string>();
  /** perday: zone versions whose layers are visible (the style starts with those at t). */
  private versionsShown: Set<number>;

  constructor(
    private readonly map: MapLibreMap,
    private readonly strategy: TimeStrategy,
    private readonly plan: TimePlan,
    private readonly pins: PinLayer | null,
    private readonly zones: ZoneLayer | null,
    t: number,
  ) {
    this.versionsShown = new Set(activeVersions(plan.zoneVersions, t));
  }

  send(t: number, ctx: TimeContext) {
    if (this.strategy === 'setdata') return this.sendActiveFeatures(t, ctx.features);
    this.pins?.setTime(t);
    this.zones?.setTime(t);
    const gpuLike = pinsOnGpu(this.strategy);
    const keyed = this.strategy === 'keyed' || gpuLike;
    if (this.plan.zoneVersions.length) this.sendZoneVersions(t);
    // With snapped keys only the preview pins read the plain time: don't touch it (and make
    // MapLibre reload that source, and wait for it) while no file is being previewed.
    const values: Record<string, number> = {
      ...(!keyed || ctx.previewing ? { [TIME_STATE]: t } : {}),
      ...(keyed ? keyValues(this.plan, t) : {}),
    };
    // A place changes hands only at a boundary of the places key: between two, skip the loop.
    if (gpuLike && values[PLACES_KEY] !== this.stateSent[PLACES_KEY])
      this.sendPlaceFactions(t, ctx);
    // Front lines by feature state too: their key is not a global state here.
    if (gpuLike && FRONTS_KEY in values) {
      if (values[FRONTS_KEY] !== this.stateSent[FRONTS_KEY]) this.sendFronts(t, ctx.features);
      this.stateSent[FRONTS_KEY] = values[FRONTS_KEY];
      delete values[FRONTS_KEY];
    }
    for (const [key, value] of Object.entries(values))
      if (this.stateSent[key] !== value) {
        this.map.setGlobalStateProperty(key, value);
        this.stateSent[key] = value;
      }
  }

  /** perday: shows the layers of the zone versions active at t, hides the others. */
  private sendZoneVersions(t: number) {
    const now = new Set(activeVersions(this.plan.zoneVersions, t));
    for (const i of this.versionsShown)
      if (!now.has(i))
        for (const id of zoneVersionLayers(i)) this.map.setLayoutProperty(id, 'visibility', 'none');
    for (const i of now)
      if (!this.versionsShown.has(i))
        for (const id of zoneVersionLayers(i))
          this.map.setLayoutProperty(id, 'visibility', 'visible');
    this.versionsShown = now;
  }

  /** Colours place dots by feature state (controller; the other side while contested): only
   * places whose state changed are touched. */
  private sendPlaceFactions(t: number, { dataset, timeline, features }: TimeContext) {
    const contested = new Map<string, string>();
    for (const s of features.contestedSpans)
      if (s.t0 <= t && t < s.t1) contested.set(s.id, s.other);
    for (const place of dataset.places) {
      const faction = timeline.controlAt(place.id, t)?.faction ?? '';
      const other = contested.get(place.id) ?? '';
      const key = `${faction}|${other}`;
      if (this.placeFactions.get(place.id) === key) continue;
      this.map.setFeatureState(
        { source: PLACE_LABELS_SOURCE, id: place.id },
        { [FACTION_STATE]: faction, [CONTESTED_STATE]: other },
      );
      this.placeFactions.set(place.id, key);
    }
  }

  /** Turns on the front lines active at t and off the others: only those that change. */
  private sendFronts(t: number, { fronts }: MapFeatures) {
    for (const f of fronts.features) {
      const on = f.properties.t0 <= t && t < f.properties.t1;
      if (this.frontsOn.has(f.properties.id) === on) continue;
      this.map.setFeatureState(
        { source: FRONTS_SOURCE, id: f.properties.id },
        { [FRONT_STATE]: on },
      );
      if (on) this.frontsOn.add(f.properties.id);
      else this.frontsOn.delete(f.properties.id);
    }
  }

  /** The naive baseline: filter in JavaScript and re-send every time-dependent source. */
  private sendActiveFeatures(t: number, { zones, places }: MapFeatures) {
    const active = <F extends { properties: { t0: number; t1?: number } }>(fs: F[]) =>
      fs.filter(
        (f) => f.properties.t0 <= t && (f.properties.t1 === undefined || t < f.properties.t1),
      );
    this.map
      .getSource<GeoJSONSource>(ZONES_SOURCE)
      ?.setData({ ...zones, features: active(zones.features) });
    this.map
      .getSource<GeoJSONSource>(PLACES_SOURCE)
      ?.setData({ ...places, features: active(places.features) });
    this.plan.reportBuckets.forEach((bucket, k) => {
      this.map
        .getSource<GeoJSONSource>(reportsSourceId(k))
        ?.setData({ ...bucket, features: active(bucket.features) });
    });
  }
}
