import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../../src/data/load/load';
import { filterReports } from '../../../../src/data/filter/filtered-reports';
import { formatFilter, parseFilter, rawHashParam } from '../../../../src/data/filter/filter-hash';
import { parseWindow, windowStart } from '../../../../src/data/filter/pin-window';
import {
  facetCounts,
  indexReports,
  isFiltering,
  matchMask,
  NO_FILTER,
  NO_POST,
  outletOf,
  type ReportFilter,
} from '../../../../src/data/filter/report-filter';
import type { Report } from '../../../../src/data/types';
import { readLocal, repoUrl } from '../../read-local';

const { dataset } = await loadDataset(repoUrl('tests/fixtures/desk/dataset.json'), readLocal);
if (!dataset) throw new Error('fixture did not load');
const reports = dataset.reports;
const f = (over: Partial<ReportFilter>): ReportFilter => ({ ...NO_FILTER, ...over });
const ids = (filter: ReportFilter) =>
  filterReports(reports, filter)
    .all()
    .map((r) => r.id);

describe('outlets', () => {
  it('take source_name, else the source URL host without www.', () => {
    const byId = (id: string) => reports.find((r) => r.id === id) as Report;
    expect(outletOf(byId('r1'))).toBe('Syrian Observatory for Human Rights');
    expect(outletOf(byId('r2'))).toBe('syriahr.com');
    expect(outletOf(byId('r4'))).toBe('aljazeera.net');
  });
});

describe('matching', () => {
  it('an empty filter lets every report through, in time order', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(ids(NO_FILTER)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
  });

  it('values of one facet are alternatives; facets and text must all hold', () => {
    expect(ids(f({ status: ['confirmed'] }))).toEqual(['r1', 'r4', 'r6']);
    expect(ids(f({ status: ['confirmed', 'claimed'] }))).toEqual(['r1', 'r3', 'r4', 'r6', 'r7']);
    expect(ids(f({ status: ['confirmed'], category: ['air-drone-strike'] }))).toEqual([
      'r1',
      'r4',
      'r6',
    ]);
    expect(ids(f({ source: ['Syrian Observatory for Human Rights'] }))).toEqual(['r1', 'r6']);
    expect(ids(f({ post: [NO_POST] }))).toEqual(['r3', 'r7']);
    expect(ids(f({ post: ['post-a'], status: ['unconfirmed'] }))).toEqual(['r2']);
    expect(isFiltering(f({ text: '  ' }))).toBe(false);
  });

  it('free text is folded like the place search: case, diacritics, transliteration, Arabic script', () => {
    // "Khan Touman", "Khan Tuman" and "خان طومان" are one place.
    expect(ids(f({ text: 'khan tuman' }))).toEqual(['r1', 'r3']);
    expect(ids(f({ text: 'KHAN TOUMAN' }))).toEqual(['r1', 'r3']);
    expect(ids(f({ text: 'خان طومان' }))).toEqual(['r4']);
    // Diacritics and the article: "al-Ḥāḍir" matches "hadir".
    expect(ids(f({ text: 'hadir' }))).toEqual(['r5']);
    // Every word must occur, anywhere in title or text.
    expect(ids(f({ text: 'shelling raqqa' }))).toEqual(['r7']);
    expect(ids(f({ text: 'shelling' }))).toEqual(['r2', 'r7']);
    expect(ids(f({ text: 'no such words' }))).toEqual([]);
  });

  it('the mask is in index order and its length is the number of reports', () => {
    const index = indexReports(reports);
    const mask = matchMask(index, f({ status: ['claimed'] }));
    expect(mask.length).toBe(reports.length);
    expect([...mask].map((m, i) => (m ? index.ids[i] : null)).filter(Boolean)).toEqual([
      'r3',
      'r7',
    ]);
  });
});

describe('counts per value', () => {
  it('count each value as if that facet alone were set to it, the others as they are', () => {
    const index = indexReports(reports);
    const all = facetCounts(index, NO_FILTER);
    expect(Object.fromEntries(all.status)).toEqual({ confirmed: 3, unconfirmed: 2, claimed: 2 });
    expect(all.category.get('air-drone-strike')).toBe(3);
    expect(all.source.get('syriahr.com')).toBe(1);
    expect(all.post.get(NO_POST)).toBe(2);
    // With status = confirmed: the status counts are unchanged (choosing another status would
    // show those), the other facets count only confirmed reports.
    const confirmed = facetCounts(index, f({ status: ['confirmed'] }));
    expect(Object.fromEntries(confirmed.status)).toEqual({
      confirmed: 3,
      unconfirmed: 2,
      claimed: 2,
    });
    expect(Object.fromEntries(confirmed.category)).toEqual({ 'air-drone-strike': 3 });
    expect(confirmed.post.get('post-b')).toBe(2);
    // Text narrows every facet.
    const text = facetCounts(index, f({ text: 'khan tuman' }));
    expect(Object.fromEntries(text.status)).toEqual({ confirmed: 1, claimed: 1 });
  });

  it('follow the time window: only reports in (from, to]', () => {
    const fr = filterReports(reports, NO_FILTER);
    const t = Date.parse('2015-11-10T11:00:00Z');
    expect(fr.count(windowStart(t, 'all'), t)).toBe(4);
    expect(fr.count(windowStart(t, '7d'), t)).toBe(3); // r1 (3 Nov 08:00) is more than 7 days old
    expect(fr.count(windowStart(t, '24h'), t)).toBe(1);
    const [lo, hi] = fr.range(windowStart(t, '7d'), t);
    expect(Object.fromEntries(facetCounts(fr.index, NO_FILTER, lo, hi).status)).toEqual({
      confirmed: 1,
      unconfirmed: 1,
      claimed: 1,
    });
    const confirmed = filterReports(reports, f({ status: ['confirmed'] }));
    expect(confirmed.count(windowStart(t, 'all'), t)).toBe(2);
    expect(confirmed.newest(windowStart(t, 'all'), t, 1).map((r) => r.id)).toEqual(['r4']);
    expect(confirmed.newest(windowStart(t, 'all'), t, 10).map((r) => r.id)).toEqual(['r4', 'r1']);
  });

  it('one filter value asked twice is computed once', () => {
    const filter = f({ status: ['claimed'] });
    expect(filterReports(reports, filter)).toBe(filterReports(reports, filter));
  });
});

describe('in the URL', () => {
  it('round-trips every facet and the text, with any character in a value', () => {
    const filter = f({
      status: ['confirmed', 'claimed'],
      category: ['air-drone-strike'],
      source: ['Rebel media, Aleppo; "Front"', 'syriahr.com'],
      post: [NO_POST, 'post-a'],
      text: 'خان طومان & co: 100%',
    });
    const raw = formatFilter(filter);
    expect(raw).toMatch(/^status:confirmed,claimed;category:air-drone-strike;source:/);
    expect(raw).not.toMatch(/[&#=\s"]/);
    const hash = `#t=2015-11-10T00:00:00Z&f=${raw}&w=7d`;
    expect(parseFilter(rawHashParam(hash, 'f') ?? '')).toEqual(filter);
    expect(formatFilter(NO_FILTER)).toBe('');
  });

  it('forgives what it cannot read', () => {
    expect(parseFilter('status:confirmed;bogus:x;category:%E0%A4%A;q')).toEqual(
      f({ status: ['confirmed'] }),
    );
    expect(parseWindow('7d')).toBe('7d');
    expect(parseWindow('2d')).toBeNull();
  });
});
