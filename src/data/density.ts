/**
 * Activity per day, for the density chart above the slider: reports published and control
 * changes (a place passing to another faction) on each UTC day of the time range. Pure.
 */
import { DAY_MS, parseIsoTime } from '../lib/time';
import type { Dataset } from './types';

export interface DayCount {
  /** Start of the UTC day, ms. */
  t: number;
  reports: number;
  changes: number;
}

/**
 * Counts per day; `reportTimes` (epoch ms; default: every report of the dataset) lets a filter
 * choose which reports count.
 */
export function dailyCounts(
  dataset: Dataset,
  domain: [number, number],
  reportTimes: Iterable<number | null> = dataset.reports.map((r) =>
    parseIsoTime(r.properties.reported_at),
  ),
): DayCount[] {
  const first = Math.floor(domain[0] / DAY_MS) * DAY_MS;
  const days = Math.max(1, Math.ceil((domain[1] - first) / DAY_MS));
  const out: DayCount[] = Array.from({ length: days }, (_, i) => ({
    t: first + i * DAY_MS,
    reports: 0,
    changes: 0,
  }));
  const bump = (t: number | null, key: 'reports' | 'changes') => {
    if (t === null || t < domain[0] || t > domain[1]) return;
    const i = Math.min(days - 1, Math.floor((t - first) / DAY_MS));
    out[i][key]++;
  };
  for (const t of reportTimes) bump(t, 'reports');
  for (const p of dataset.places) {
    const entries = [...p.properties.control].sort(
      (a, b) => Date.parse(a.from) - Date.parse(b.from),
    );
    entries.forEach((c, i) => {
      if (i > 0 && entries[i - 1].faction !== c.faction) bump(parseIsoTime(c.from), 'changes');
    });
  }
  return out;
}
