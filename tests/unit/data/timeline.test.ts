import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  controlSpans,
  nextPostTime,
  previousPostTime,
  snapToPost,
  stepFor,
  upperBound,
} from '../../../src/data/timeline';
import type { Dataset, Place, Zone } from '../../../src/data/types';
import { loadDataset } from '../../../src/data/load/load';
import { OPEN_END_MS } from '../../../src/lib/time';
import { readLocal, repoUrl } from '../read-local';

const ms = (iso: string) => Date.parse(iso);
const square: Zone['geometry'] = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};
const zone = (id: string, from: string, to?: string): Zone => ({
  type: 'Feature',
  id,
  geometry: square,
  properties: { faction: 'rebel', valid_from: from, valid_to: to, source: 's', precision: 'exact' },
});
const datasetWith = (zones: Zone[], places: Place[] = []): Dataset => ({
  manifest: {
    time_range: { start: '2015-10-01T00:00:00Z', end: '2015-11-01T00:00:00Z' },
  } as Dataset['manifest'],
  baseUrl: 'file:///x/',
  posts: [],
  zones,
  fronts: [],
  places,
  reports: [],
});

describe('zones active at t', () => {
  // Deliberately unsorted input.
  const tl = buildTimeline(
    datasetWith([
      zone('b', '2015-10-10T00:00:00Z'),
      zone('a', '2015-10-01T00:00:00Z', '2015-10-10T00:00:00Z'),
    ]),
  );
  const ids = (t: number) => tl.zonesActiveAt(t).map((z) => z.id);

  it('includes a zone exactly at valid_from', () => {
    expect(ids(ms('2015-10-01T00:00:00Z'))).toEqual(['a']);
  });
  it('excludes a zone exactly at valid_to (exclusive) and hands over to the next', () => {
    expect(ids(ms('2015-10-10T00:00:00Z'))).toEqual(['b']);
    expect(ids(ms('2015-10-09T23:59:59.999Z'))).toEqual(['a']);
  });
  it('keeps an open-ended zone active far in the future', () => {
    expect(ids(ms('2030-01-01T00:00:00Z'))).toEqual(['b']);
  });
  it('has nothing before the first zone', () => {
    expect(ids(ms('2015-09-30T23:59:59Z'))).toEqual([]);
  });
  it('copes with empty layers', () => {
    const empty = buildTimeline(datasetWith([]));
    expect(empty.zonesActiveAt(ms('2015-10-05T00:00:00Z'))).toEqual([]);
    expect(empty.reportsKnownAt(ms('2015-10-05T00:00:00Z'))).toEqual([]);
    expect(empty.countReportsKnownAt(0)).toBe(0);
  });
});

describe('place control', () => {
  it('orders an unsorted history into consecutive spans, the last open-ended', async () => {
    const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
    const hader = dataset!.places[0];
    const spans = controlSpans(hader);
    expect(spans.map((s) => s.faction)).toEqual(['rebel', 'regime']);
    expect(spans[0].t1).toBe(ms('2015-11-12T12:00:00Z'));
    expect(spans[1].t1).toBe(OPEN_END_MS);
    const tl = buildTimeline(dataset!);
    expect(tl.controlAt('al-hader', ms('2015-11-12T11:59:59Z'))?.faction).toBe('rebel');
    expect(tl.controlAt('al-hader', ms('2015-11-12T12:00:00Z'))?.faction).toBe('regime');
    expect(tl.controlAt('al-hader', ms('2012-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('reports known at t', () => {
  it('lists reports by reported_at, newest first, inclusive of t', async () => {
    const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
    const tl = buildTimeline(dataset!);
    expect(tl.reportsKnownAt(ms('2015-11-02T07:59:59Z'))).toEqual([]);
    expect(tl.reportsKnownAt(ms('2015-11-02T08:00:00Z')).map((r) => r.id)).toEqual(['r-early']);
    expect(tl.reportsKnownAt(ms('2015-11-15T00:00:00Z')).map((r) => r.id)).toEqual([
      'r-hader',
      'r-early',
    ]);
    expect(tl.countReportsKnownAt(ms('2015-11-15T00:00:00Z'))).toBe(2);
    expect(tl.reportsKnownAt(ms('2015-11-15T00:00:00Z'), 1).map((r) => r.id)).toEqual(['r-hader']);
  });
});

describe('posts and snapping', () => {
  const posts = [{ t: 100 }, { t: 200 }, { t: 300 }];
  it('snaps to the nearest post within the tolerance, else keeps t', () => {
    expect(snapToPost(195, posts, 10)).toBe(200);
    expect(snapToPost(250, posts, 10)).toBe(250);
    expect(snapToPost(104, posts, 10)).toBe(100);
  });
  it('finds the previous and next posts strictly before and after t', () => {
    expect(previousPostTime(200, posts)).toBe(100);
    expect(previousPostTime(100, posts)).toBeNull();
    expect(nextPostTime(200, posts)).toBe(300);
    expect(nextPostTime(300, posts)).toBeNull();
  });
  it('sorts posts by time', async () => {
    const { dataset } = await loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), readLocal);
    expect(buildTimeline(dataset!).posts.map((p) => p.id)).toEqual(['early', 'reuters-2015-11-12']);
  });
  it('steps by whole hours, or whole days on long ranges', () => {
    expect(stepFor([0, 24 * 3_600_000])).toBe(3_600_000);
    expect(stepFor([0, 60 * 24 * 3_600_000])).toBe(6 * 3_600_000);
    expect(stepFor([0, 365 * 24 * 3_600_000])).toBe(2 * 24 * 3_600_000);
  });
  it('upperBound finds the first greater element', () => {
    expect(upperBound([1, 2, 2, 3], 2)).toBe(3);
    expect(upperBound([], 2)).toBe(0);
  });
});
