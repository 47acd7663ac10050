/**
 * Filtering the reports an analyst looks at: by status, category, source outlet, post and free
 * text (folded like the place search: case, diacritics, Arabic letter variants). Pure; the map's
 * pin mask, the feed, the activity strip, compare and the filter panel's counts all come from
 * here, so they always agree.
 */
import { searchKey } from '../place-search';
import type { Report } from '../types';

/** The facets a filter can narrow by; an empty list means "any". */
export const FACETS = ['status', 'category', 'source', 'post'] as const;
export type Facet = (typeof FACETS)[number];

export interface ReportFilter {
  status: readonly string[];
  category: readonly string[];
  /** Source outlets (outletOf). */
  source: readonly string[];
  /** Post ids; NO_POST for reports tied to no post. */
  post: readonly string[];
  /** Free text over title and text, folded (searchKey); every word must occur. */
  text: string;
}

export const NO_FILTER: ReportFilter = { status: [], category: [], source: [], post: [], text: '' };
/** The post value of a report that names no post. */
export const NO_POST = '-';

/** True when the filter narrows anything. */
export function isFiltering(f: ReportFilter): boolean {
  return FACETS.some((k) => f[k].length > 0) || f.text.trim() !== '';
}

/** The outlet a report comes from: its source_name, or the host of its source URL without
 * "www." (a report's source_url is validated as http(s)). */
export function outletOf(report: Report): string {
  const name = report.properties.source_name?.trim();
  if (name) return name;
  try {
    return new URL(report.properties.source_url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
}

/**
 * The reports sorted by reported_at (then id), with each facet's value per report, built once
 * per dataset. Times in epoch ms.
 */
export interface ReportIndex {
  reports: readonly Report[];
  ids: readonly string[];
  times: Float64Array;
  values: Record<Facet, readonly string[]>;
  /** Each facet's distinct values, and per report the number of its value in that list: the
   * filter and the counts work on these small integers, not on strings. */
  names: Record<Facet, readonly string[]>;
  codes: Record<Facet, Uint32Array>;
  /** Folded title + text + English text per report; built on the first text query. */
  textKeys(): readonly string[];
}

const built = new WeakMap<readonly Report[], ReportIndex>();

/** The index of a list of reports (cached per list). */
export function indexReports(list: readonly Report[]): ReportIndex {
  const cached = built.get(list);
  if (cached) return cached;
  const reports = list
    .map((r) => ({ r, t: Date.parse(r.properties.reported_at) }))
    .filter((x) => Number.isFinite(x.t))
    .sort((a, b) => a.t - b.t || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  let keys: string[] | null = null;
  const values = {
    status: reports.map((x) => x.r.properties.status),
    category: reports.map((x) => x.r.properties.category),
    source: reports.map((x) => outletOf(x.r)),
    post: reports.map((x) => x.r.properties.post ?? NO_POST),
  };
  const names = {} as Record<Facet, string[]>;
  const codes = {} as Record<Facet, Uint32Array>;
  for (const k of FACETS) {
    const seen = new Map<string, number>();
    codes[k] = Uint32Array.from(values[k], (v) => {
      const c = seen.get(v);
      if (c !== undefined) return c;
      seen.set(v, seen.size);
      return seen.size - 1;
    });
    names[k] = [...seen.keys()];
  }
  const index: ReportIndex = {
    reports: reports.map((x) => x.r),
    ids: reports.map((x) => x.r.id),
    times: Float64Array.from(reports, (x) => x.t),
    values,
    names,
    codes,
    textKeys: () => {
      keys ??= index.reports.map((r) =>
        searchKey(`${r.properties.title} ${r.properties.text} ${r.properties.text_en ?? ''}`),
      );
      return keys;
    },
  };
  built.set(list, index);
  return index;
}

/** The folded words of a free-text query. */
export function queryWords(text: string): string[] {
  const key = searchKey(text);
  return key ? key.split(' ') : [];
}

/** Bit FACETS.length: the text rejects the report. */
const TEXT_BIT = 1 << FACETS.length;

/** What rejects report i: bit k for facet FACETS[k], TEXT_BIT for the text; 0 = let through. */
function rejections(
  index: ReportIndex,
  allowed: (Uint8Array | null)[],
  words: string[],
  keys: readonly string[] | null,
  i: number,
): number {
  let bits = 0;
  for (let k = 0; k < FACETS.length; k++) {
    const ok = allowed[k];
    if (ok && ok[index.codes[FACETS[k]][i]] === 0) bits |= 1 << k;
  }
  if (keys !== null && !words.every((w) => keys[i].includes(w))) bits |= TEXT_BIT;
  return bits;
}

function prepare(index: ReportIndex, filter: ReportFilter) {
  // Per facet, 1 for each value code the filter allows (null: any value).
  const allowed = FACETS.map((k) => {
    if (!filter[k].length) return null;
    const chosen = new Set(filter[k]);
    return Uint8Array.from(index.names[k], (v) => (chosen.has(v) ? 1 : 0));
  });
  const words = queryWords(filter.text);
  return { allowed, words, keys: words.length ? index.textKeys() : null };
}

/** 1 for each report (in index order) the filter lets through, 0 otherwise. */
export function matchMask(index: ReportIndex, filter: ReportFilter): Uint8Array {
  const mask = new Uint8Array(index.ids.length);
  const { allowed, words, keys } = prepare(index, filter);
  for (let i = 0; i < mask.length; i++) {
    mask[i] = rejections(index, allowed, words, keys, i) === 0 ? 1 : 0;
  }
  return mask;
}

export type FacetCounts = Record<Facet, Map<string, number>>;

/**
 * Counts per value of each facet over the reports in index positions [lo, hi) (a time window),
 * the way faceted search counts: a value's count is how many reports the filter would show if
 * that facet were set to that value alone, the other facets and the text as they are.
 */
export function facetCounts(
  index: ReportIndex,
  filter: ReportFilter,
  lo = 0,
  hi = index.ids.length,
): FacetCounts {
  const perCode = FACETS.map((k) => new Uint32Array(index.names[k].length));
  const { allowed, words, keys } = prepare(index, filter);
  for (let i = Math.max(0, lo); i < Math.min(hi, index.ids.length); i++) {
    const r = rejections(index, allowed, words, keys, i);
    if (r & TEXT_BIT) continue;
    for (let k = 0; k < FACETS.length; k++) {
      // Rejected by no facet, or only by this one: choosing this value would show it.
      if ((r & ~(1 << k)) !== 0) continue;
      perCode[k][index.codes[FACETS[k]][i]]++;
    }
  }
  const counts = {} as FacetCounts;
  FACETS.forEach((k, j) => {
    const m = new Map<string, number>();
    index.names[k].forEach((v, c) => {
      if (perCode[j][c] > 0) m.set(v, perCode[j][c]);
    });
    counts[k] = m;
  });
  return counts;
}
