/**
 * The time plan: how time reaches the map without re-tiling what did not change.
 *
 * 1. Snapped keys. Whether a feature is active at t only changes at the feature's own t0/t1.
 *    So each source's filter reads its own global-state key, holding t snapped down to the
 *    latest boundary (t0 or t1) of that source. Moving in time within a zone version, or
 *    between two control changes, sets the same value: MapLibre sees no change, re-tiles nothing.
 * 2. Buckets. Report pins are split by reported_at into buckets of at most REPORTS_PER_BUCKET,
 *    each a source with its own key. A step re-tiles only the buckets whose pins it crosses.
 * Pure: built once at load from the map features; `keyValues(plan, t)` is what applyTime sets.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { MapFeatures, ReportFeatureProps } from '../data/map-features';
import { upperBound } from '../lib/search';

export const REPORTS_PER_BUCKET = 5000;
export const ZONES_KEY = 'tz';
export const PLACES_KEY = 'tp';
export const FRONTS_KEY = 'tf';
export const reportsKey = (k: number) => `tr${k}`;

export interface TimeKey {
  name: string;
  /** Every t0 and t1 of the key's features, ascending, without repeats. */
  boundaries: number[];
}

/** One zone version: the zones sharing one validity interval (strategy `perday`). */
export interface ZoneVersion {
  t0: number;
  t1?: number;
  zones: MapFeatures['zones'];
}

export interface TimePlan {
  reportBuckets: FeatureCollection<Point, ReportFeatureProps>[];
  keys: TimeKey[];
  /** Zones split by validity interval, each its own source; empty unless `perday`. */
  zoneVersions: ZoneVersion[];
  /** Zones are drawn by the GPU zone layer (zone-layer.ts), not from a map source. */
  zonesOnGpu: boolean;
}

function boundariesOf(features: { properties: { t0: number; t1?: number } }[]): number[] {
  const all = new Set<number>();
  for (const f of features) {
    all.add(f.properties.t0);
    if (f.properties.t1 !== undefined) all.add(f.properties.t1);
  }
  return [...all].sort((a, b) => a - b);
}

/**
 * Splits pins by reported_at into buckets of at most `perBucket` (always at least one), or
 * none when the pins are drawn by the GPU layer (pin-layer.ts) instead of map sources.
 */
export function planTime(
  features: MapFeatures,
  perBucket = REPORTS_PER_BUCKET,
  pinsInSources = true,
  zonesPerVersion = false,
  zonesOnGpu = false,
): TimePlan {
  const pins = [...features.reports.features].sort((a, b) => a.properties.t0 - b.properties.t0);
  const reportBuckets: TimePlan['reportBuckets'] = [];
  for (let i = 0; pinsInSources && i < Math.max(1, pins.length); i += perBucket)
    reportBuckets.push({ type: 'FeatureCollection', features: pins.slice(i, i + perBucket) });
  return {
    reportBuckets,
    zoneVersions: zonesPerVersion ? zoneVersionsOf(features.zones) : [],
    zonesOnGpu,
    keys: [
      // Zones on the GPU have no source to filter, so no key to send.
      ...(zonesOnGpu
        ? []
        : [{ name: ZONES_KEY, boundaries: boundariesOf(features.zones.features) }]),
      {
        name: PLACES_KEY,
        // Contested spells change a place's mark too (time-sender.ts).
        boundaries: boundariesOf([
          ...features.places.features,
          ...features.contestedSpans.map((s) => ({ properties: s })),
        ]),
      },
      { name: FRONTS_KEY, boundaries: boundariesOf(features.fronts.features) },
      ...reportBuckets.map((b, k) => ({
        name: reportsKey(k),
        boundaries: boundariesOf(b.features),
      })),
    ],
  };
}

/** Zones grouped by validity interval, ordered by start (then end). */
export function zoneVersionsOf(zones: MapFeatures['zones']): ZoneVersion[] {
  const byInterval = new Map<string, ZoneVersion>();
  for (const f of zones.features) {
    const { t0, t1 } = f.properties;
    const key = `${t0}/${t1 ?? ''}`;
    let v = byInterval.get(key);
    if (!v) {
      v = { t0, t1, zones: { type: 'FeatureCollection', features: [] } };
      byInterval.set(key, v);
    }
    v.zones.features.push(f);
  }
  return [...byInterval.values()].sort(
    (a, b) => a.t0 - b.t0 || (a.t1 ?? Infinity) - (b.t1 ?? Infinity),
  );
}

/** Indices of the zone versions active at t. */
export function activeVersions(versions: readonly ZoneVersion[], t: number): number[] {
  const out: number[] = [];
  versions.forEach((v, i) => {
    if (v.t0 <= t && (v.t1 === undefined || t < v.t1)) out.push(i);
  });
  return out;
}

/**
 * The latest boundary at or before t; below every boundary, one less than the first (so no
 * feature of the key is active). With no boundaries, t itself.
 */
export function snapDown(boundaries: readonly number[], t: number): number {
  if (boundaries.length === 0) return t;
  const lo = upperBound(boundaries, t);
  return lo === 0 ? boundaries[0] - 1 : boundaries[lo - 1];
}

/** The value of every key at time t. */
export function keyValues(plan: TimePlan, t: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of plan.keys) out[k.name] = snapDown(k.boundaries, t);
  return out;
}
