import area from '@turf/area';
import { describe, expect, it } from 'vitest';
import { compareMoments } from '../../../src/data/compare';
import type { Dataset, Place, Zone } from '../../../src/data/types';

/** Area (km²) of the cell between two meridians and two parallels on turf's sphere, exactly. */
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
const cellKm2 = (w: number, s: number, e: number, n: number) =>
  (R * R * rad(e - w) * (Math.sin(rad(n)) - Math.sin(rad(s)))) / 1e6;

const box = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const zone = (
  id: string,
  faction: string,
  geometry: Zone['geometry'],
  from: string,
  to?: string,
): Zone => ({
  type: 'Feature',
  id,
  geometry,
  properties: {
    faction,
    valid_from: from,
    ...(to ? { valid_to: to } : {}),
    source: 'test',
    precision: 'exact',
  },
});
const place = (id: string, control: [string, string][]): Place => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [1, 36] },
  properties: {
    name: id,
    name_ar: 'ا',
    aliases: [],
    kind: 'town',
    source: 'test',
    control: control.map(([from, faction]) => ({ from, faction, source: `src ${id} ${from}` })),
  },
});
const T = (d: string) => `2015-10-${d}T00:00:00Z`;
const ms = (d: string) => Date.parse(T(d));

function dataset(zones: Zone[], places: Place[] = []): Dataset {
  return {
    manifest: {
      factions: [{ id: 'x' }, { id: 'y' }],
      time_range: { start: T('01'), end: '2015-11-01T00:00:00Z' },
    },
    posts: [],
    zones,
    places,
    reports: [
      {
        type: 'Feature',
        id: 'r1',
        geometry: { type: 'Point', coordinates: [1, 36] },
        properties: { reported_at: T('12'), title: 'r1' },
      },
      {
        type: 'Feature',
        id: 'r2',
        geometry: { type: 'Point', coordinates: [1, 36] },
        properties: { reported_at: T('25'), title: 'r2' },
      },
    ],
  } as unknown as Dataset;
}

describe('geodesic areas', () => {
  it('a 1°×1° cell centred on 36°N is 10,003 km² (turf area = the exact spherical cell)', () => {
    const expected = cellKm2(36, 35.5, 37, 36.5);
    expect(expected).toBeGreaterThan(10_000);
    expect(expected).toBeLessThan(10_100);
    expect(
      area({ type: 'Feature', geometry: box(36, 35.5, 37, 36.5), properties: {} }) / 1e6,
    ).toBeCloseTo(expected, 3);
  });
});

describe('compareMoments', () => {
  // x holds [0,2]×[35.5,36.5] until the 10th, then [1,3]×[35.5,36.5]; y holds [5,6] throughout.
  const zones = [
    zone('x1', 'x', box(0, 35.5, 2, 36.5), T('01'), T('10')),
    zone('x2', 'x', box(1, 35.5, 3, 36.5), T('10')),
    zone('y1', 'y', box(5, 35.5, 6, 36.5), T('01')),
  ];
  const cell = cellKm2(0, 35.5, 1, 36.5);

  it('gives the area per faction at A and B, and what was gained and lost', () => {
    const c = compareMoments(dataset(zones), ms('05'), ms('15'));
    const x = c.factions.find((f) => f.faction === 'x')!;
    expect(x.atA).toBeCloseTo(2 * cell, 1);
    expect(x.atB).toBeCloseTo(2 * cell, 1);
    expect(x.change).toBeCloseTo(0, 1);
    expect(x.gained).toBeCloseTo(cell, 1);
    expect(x.lost).toBeCloseTo(cell, 1);
    const y = c.factions.find((f) => f.faction === 'y')!;
    expect([y.gained, y.lost, y.change]).toEqual([0, 0, 0]);
    const gained = c.areas.find(
      (a) => a.properties.faction === 'x' && a.properties.change === 'gained',
    )!;
    const lost = c.areas.find(
      (a) => a.properties.faction === 'x' && a.properties.change === 'lost',
    )!;
    // Gained is the cell [2,3], lost the cell [0,1]: check where they lie.
    const lons = (f: typeof gained) =>
      f.geometry.coordinates.flat(2).filter((_, i) => i % 2 === 0) as number[];
    expect(Math.min(...lons(gained))).toBeCloseTo(2, 6);
    expect(Math.max(...lons(lost))).toBeCloseTo(1, 6);
    expect(c.areas.filter((a) => a.properties.faction === 'y')).toEqual([]);
  });

  it('a faction that appears between A and B gains all its area; swapping A and B swaps gain and loss', () => {
    const z = [zone('y2', 'y', box(0, 35.5, 1, 36.5), T('10'))];
    const forward = compareMoments(dataset(z), ms('05'), ms('15')).factions[0];
    expect(forward).toMatchObject({ faction: 'y', atA: 0 });
    expect(forward.gained).toBeCloseTo(cell, 1);
    const back = compareMoments(dataset(z), ms('15'), ms('05')).factions[0];
    expect(back.lost).toBeCloseTo(cell, 1);
    expect(back.change).toBeCloseTo(-cell, 1);
  });

  it('lists the places that changed hands with the dated, sourced entries between A and B, and the reports between', () => {
    const places = [
      place('p1', [
        [T('01'), 'x'],
        [T('12'), 'y'],
      ]),
      place('p2', [[T('01'), 'x']]),
      place('p3', [
        [T('01'), 'x'],
        [T('11'), 'y'],
        [T('13'), 'x'],
      ]),
      place('p4', [[T('14'), 'y']]),
    ];
    const c = compareMoments(dataset(zones, places), ms('05'), ms('15'));
    expect(c.places.map((p) => [p.placeId, p.atA, p.atB])).toEqual([
      ['p1', 'x', 'y'],
      ['p4', null, 'y'],
    ]);
    expect(c.places[0].changes.map((e) => e.source)).toEqual([`src p1 ${T('12')}`]);
    // p3 went and came back: same controller at A and B, so it is not listed.
    expect(c.reports.map((r) => r.id)).toEqual(['r1']);
  });
});
