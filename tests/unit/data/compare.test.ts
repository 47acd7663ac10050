import area from '@turf/area';
import { describe, expect, it } from 'vitest';
import { CONTESTED_ROW, compareMoments } from '../../../src/data/compare/compare';
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

  it('reports: after the earlier moment, up to and including the later one, oldest first, whichever is A', () => {
    const d = dataset(zones);
    const at = (day: string, id: string) => ({
      ...d.reports[0],
      id,
      properties: { reported_at: T(day), title: id },
    });
    d.reports = [
      at('12', 'r12'),
      at('05', 'at-a'),
      at('15', 'at-b'),
      at('08', 'r08'),
      at('20', 'after'),
    ] as never;
    expect(compareMoments(d, ms('05'), ms('15')).reports.map((r) => r.id)).toEqual([
      'r08',
      'r12',
      'at-b',
    ]);
    expect(compareMoments(d, ms('15'), ms('05')).reports.map((r) => r.id)).toEqual([
      'r08',
      'r12',
      'at-b',
    ]);
  });

  it('places: entries after A up to B, in date order, places ordered by their first change then name', () => {
    const places = [
      // Entries out of order in the file; one exactly at A (not "in between"), one exactly at B.
      place('late', [
        [T('13'), 'y'],
        [T('01'), 'x'],
        [T('05'), 'x'],
      ]),
      place('b-early', [
        [T('01'), 'x'],
        [T('15'), 'y'],
        [T('09'), 'y'],
      ]),
      place('a-early', [
        [T('01'), 'x'],
        [T('09'), 'y'],
      ]),
    ];
    const c = compareMoments(dataset(zones, places), ms('05'), ms('15'));
    expect(c.places.map((p) => p.placeId)).toEqual(['a-early', 'b-early', 'late']);
    expect(c.places[1].changes.map((e) => e.from)).toEqual([T('09'), T('15')]);
    expect(c.places[2].changes.map((e) => e.from)).toEqual([T('13')]);
    const back = compareMoments(dataset(zones, places), ms('15'), ms('05'));
    expect(back.places.map((p) => [p.placeId, p.atA, p.atB, p.changes.length])).toEqual([
      ['a-early', 'y', 'x', 1],
      ['b-early', 'y', 'x', 2],
      ['late', 'y', 'x', 1],
    ]);
  });

  it("contested zones count in their own row, in no faction's, and draw no gained or lost area", () => {
    const z = [
      zone('x1', 'x', box(0, 35.5, 1, 36.5), T('01')),
      {
        ...zone('c1', 'x', box(1, 35.5, 2, 36.5), T('10')),
        properties: {
          ...zone('c1', 'x', box(1, 35.5, 2, 36.5), T('10')).properties,
          contested: ['x', 'y'],
        },
      },
      zone('x2', 'x', box(5, 35.5, 6, 36.5), T('01')),
    ];
    const c = compareMoments(dataset(z), ms('05'), ms('15'));
    const row = (id: string) => c.factions.find((f) => f.faction === id);
    expect(row('x')?.atB).toBeCloseTo(2 * cell, 1);
    expect(row('x')?.gained).toBe(0);
    expect(row(CONTESTED_ROW)).toMatchObject({ atA: 0 });
    expect(row(CONTESTED_ROW)?.atB).toBeCloseTo(cell, 1);
    expect(c.areas.map((a) => a.properties.faction)).toEqual([]);
    expect(c.factions.map((f) => f.faction)).toEqual(['x', CONTESTED_ROW]);
  });
});
