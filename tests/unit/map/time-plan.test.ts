import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapFeatures } from '../../../src/data/map-features';
import { OPEN_END_MS } from '../../../src/lib/time';
import { activeAt, knownAt, TIME_STATE } from '../../../src/map/time-filters';
import {
  activeVersions,
  keyValues,
  FRONTS_KEY,
  PLACES_KEY,
  planTime,
  reportsKey,
  snapDown,
  ZONES_KEY,
  zoneVersionsOf,
} from '../../../src/map/time-plan';

const pt = { type: 'Point' as const, coordinates: [37, 36] };
const features = (
  zones: [number, number][],
  places: [number, number][],
  pins: number[],
): MapFeatures => ({
  fronts: { type: 'FeatureCollection', features: [] },
  contestedSpans: [],
  zones: {
    type: 'FeatureCollection',
    features: zones.map(([t0, t1], i) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: { id: `z${i}`, faction: 'a', contested: '', t0, t1, approximate: false },
    })),
  },
  places: {
    type: 'FeatureCollection',
    features: places.map(([t0, t1], i) => ({
      type: 'Feature',
      geometry: pt,
      properties: {
        id: `p${i}`,
        name: 'P',
        name_ar: '',
        kind: 'town',
        faction: 'a',
        t0,
        t1,
        approximate: false,
      },
    })),
  },
  placeLabels: { type: 'FeatureCollection', features: [] },
  uncertainty: { type: 'FeatureCollection', features: [] },
  reports: {
    type: 'FeatureCollection',
    features: pins.map((t0, i) => ({
      type: 'Feature',
      geometry: pt,
      properties: { id: `r${i}`, status: 'confirmed', title: 'T', t0 },
    })),
  },
});
const evaluate = (filter: unknown, state: Record<string, number>, properties: object) =>
  featureFilter(filter as never, 'layers[0].filter', state).filter(
    { zoom: 8 } as never,
    { type: 1, properties, geometry: [] } as never,
  );

describe('snapDown', () => {
  it('gives the latest boundary at or before t, or one below the first', () => {
    expect(snapDown([10, 20, 30], 25)).toBe(20);
    expect(snapDown([10, 20, 30], 20)).toBe(20);
    expect(snapDown([10, 20, 30], 5)).toBe(9);
    expect(snapDown([10, 20, 30], 99)).toBe(30);
    expect(snapDown([], 7)).toBe(7);
  });
});

describe('planTime', () => {
  it('splits pins into buckets by time, each with its own key', () => {
    const plan = planTime(features([], [], [50, 10, 40, 20, 30]), 2);
    expect(plan.reportBuckets.map((b) => b.features.map((f) => f.properties.t0))).toEqual([
      [10, 20],
      [30, 40],
      [50],
    ]);
    expect(plan.keys.map((k) => k.name)).toEqual([
      ZONES_KEY,
      PLACES_KEY,
      FRONTS_KEY,
      reportsKey(0),
      reportsKey(1),
      reportsKey(2),
    ]);
  });
  it('has one (empty) bucket when there are no pins', () => {
    expect(planTime(features([], [], [])).reportBuckets).toHaveLength(1);
  });
  it('keeps a key unchanged while t moves between two boundaries (no re-tiling)', () => {
    const plan = planTime(
      features(
        [[100, 200]],
        [
          [-OPEN_END_MS, 150],
          [150, OPEN_END_MS],
        ],
        [120, 180],
      ),
      1,
    );
    const a = keyValues(plan, 121);
    const b = keyValues(plan, 149);
    expect(b[ZONES_KEY]).toBe(a[ZONES_KEY]);
    expect(b[PLACES_KEY]).toBe(a[PLACES_KEY]);
    expect(b[reportsKey(0)]).toBe(a[reportsKey(0)]);
    expect(b[reportsKey(1)]).toBe(a[reportsKey(1)]);
    expect(keyValues(plan, 181)[reportsKey(1)]).not.toBe(b[reportsKey(1)]);
  });
  it('snapped filters show exactly what plain-time filters show, for any data and time', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 500 }))
      .map(([t0, d]): [number, number] => [t0, t0 + d]);
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 8 }),
        fc.array(interval, { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 12 }),
        fc.integer({ min: -10, max: 1600 }),
        fc.integer({ min: 1, max: 4 }),
        (zones, places, pins, t, per) => {
          const data = features(zones, places, pins);
          const plan = planTime(data, per);
          const state = { [TIME_STATE]: t, ...keyValues(plan, t) };
          for (const f of data.zones.features)
            expect(evaluate(activeAt(ZONES_KEY), state, f.properties)).toBe(
              evaluate(activeAt(), state, f.properties),
            );
          for (const f of data.places.features)
            expect(evaluate(activeAt(PLACES_KEY), state, f.properties)).toBe(
              evaluate(activeAt(), state, f.properties),
            );
          plan.reportBuckets.forEach((b, k) => {
            for (const f of b.features)
              expect(evaluate(knownAt(reportsKey(k)), state, f.properties)).toBe(
                evaluate(knownAt(), state, f.properties),
              );
          });
        },
      ),
      { seed: 20151023, numRuns: 300 },
    );
  });
});

describe('zone versions (strategy perday)', () => {
  it('groups zones by validity interval, ordered by start, and finds those active at t', () => {
    const { zones } = features(
      [
        [20, 30],
        [10, 20],
        [20, 30],
        [30, OPEN_END_MS],
      ],
      [],
      [],
    );
    const versions = zoneVersionsOf(zones);
    expect(versions.map((v) => [v.t0, v.zones.features.map((f) => f.properties.id)])).toEqual([
      [10, ['z1']],
      [20, ['z0', 'z2']],
      [30, ['z3']],
    ]);
    expect(activeVersions(versions, 9)).toEqual([]);
    expect(activeVersions(versions, 10)).toEqual([0]);
    expect(activeVersions(versions, 29.9)).toEqual([1]);
    expect(activeVersions(versions, 30)).toEqual([2]);
  });

  it('is empty unless asked for', () => {
    const f = features([[1, 2]], [], []);
    expect(planTime(f).zoneVersions).toEqual([]);
    expect(planTime(f, undefined, false, true).zoneVersions).toHaveLength(1);
  });
});
