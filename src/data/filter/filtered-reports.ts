/**
 * The reports a filter lets through, ready for the questions the page asks on every (throttled)
 * time step: how many are in the window ending at t, and which are the newest. Prefix sums make
 * the count two binary searches, whatever the number of reports.
 */
import { upperBound } from '../../lib/search';
import type { Report } from '../types';
import { indexReports, matchMask, type ReportFilter, type ReportIndex } from './report-filter';

export interface FilteredReports {
  index: ReportIndex;
  /** 1 per report in index order that the filter lets through. */
  mask: Uint8Array;
  /** Reports the filter lets through in the window (from, to]: epoch ms. */
  count(from: number, to: number): number;
  /** The newest `limit` of those, newest first. */
  newest(from: number, to: number, limit: number): Report[];
  /** Every report the filter lets through, in time order. */
  all(): Report[];
  /** reported_at (epoch ms) of every report the filter lets through, in time order. */
  times(): Float64Array;
  /** Whether the filter lets the report with this id through. */
  has(id: string): boolean;
  /** Index positions [lo, hi) of the window (from, to]. */
  range(from: number, to: number): [number, number];
}

export function filteredReports(index: ReportIndex, mask: Uint8Array): FilteredReports {
  const n = mask.length;
  const prefix = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + mask[i];
  let passing: Set<string> | null = null;
  const range = (from: number, to: number): [number, number] => [
    upperBound(index.times, from),
    upperBound(index.times, to),
  ];
  return {
    index,
    mask,
    range,
    count(from, to) {
      const [lo, hi] = range(from, to);
      return hi > lo ? prefix[hi] - prefix[lo] : 0;
    },
    newest(from, to, limit) {
      const [lo, hi] = range(from, to);
      const out: Report[] = [];
      for (let i = hi - 1; i >= lo && out.length < limit; i--)
        if (mask[i]) out.push(index.reports[i]);
      return out;
    },
    all: () => index.reports.filter((_, i) => mask[i] === 1),
    times: () => index.times.filter((_, i) => mask[i] === 1),
    has(id) {
      passing ??= new Set(index.ids.filter((_, i) => mask[i] === 1));
      return passing.has(id);
    },
  };
}

let last: { list: readonly Report[]; filter: ReportFilter; result: FilteredReports } | null = null;

/**
 * The reports of `list` that `filter` lets through. The last answer is kept: the map, the feed,
 * the strip and the panel ask with the same store values and share one computation.
 */
export function filterReports(list: readonly Report[], filter: ReportFilter): FilteredReports {
  if (last && last.list === list && last.filter === filter) return last.result;
  const index = indexReports(list);
  const result = filteredReports(index, matchMask(index, filter));
  last = { list, filter, result };
  return result;
}
