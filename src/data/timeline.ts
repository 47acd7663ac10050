/**
 * The time index: posts, the time domain, snapping, and "what was known at t".
 * Intervals are half-open: a thing is active at t when t0 <= t < t1.
 * All times are epoch milliseconds.
 */
import { upperBound } from '../lib/search';
import { DAY_MS, HOUR_MS, OPEN_END_MS, parseIsoTime } from '../lib/time';
import type { Dataset, Place, Post, Report, Zone } from './types';

export interface TimedPost extends Post {
  t: number;
}

/** One stretch of a place's control: who held it from t0 until t1 (exclusive). */
export interface ControlSpan {
  placeId: string;
  faction: string;
  source: string;
  t0: number;
  t1: number;
}

export interface Timeline {
  /** [start, end] of the dataset's time range. */
  domain: [number, number];
  /** Posts sorted by time. */
  posts: TimedPost[];
  /** Keyboard step for Left/Right, in ms. */
  stepMs: number;
  zonesActiveAt(t: number): Zone[];
  controlAt(placeId: string, t: number): ControlSpan | null;
  /** Reports with reported_at <= t, newest first; at most `limit` of them. */
  reportsKnownAt(t: number, limit?: number): Report[];
  /** How many reports were known at t (cheap: a binary search). */
  countReportsKnownAt(t: number): number;
}

export { upperBound };

/** Validity interval of a zone in ms; valid_to absent means open-ended. */
export function zoneInterval(zone: { properties: { valid_from: string; valid_to?: string } }): {
  t0: number;
  t1: number;
} {
  const t0 = parseIsoTime(zone.properties.valid_from) ?? 0;
  const t1 = zone.properties.valid_to
    ? (parseIsoTime(zone.properties.valid_to) ?? OPEN_END_MS)
    : OPEN_END_MS;
  return { t0, t1 };
}

/**
 * Turns a place's control history (in any order) into consecutive spans: each change holds
 * until the next one; the last is open-ended. Before the first change the controller is unknown.
 */
export function controlSpans(place: Place): ControlSpan[] {
  const changes = place.properties.control
    .map((c) => ({ ...c, t: parseIsoTime(c.from) }))
    .filter((c): c is typeof c & { t: number } => c.t !== null)
    .sort((a, b) => a.t - b.t);
  return changes.map((c, i) => ({
    placeId: place.id,
    faction: c.faction,
    source: c.source,
    t0: c.t,
    t1: i + 1 < changes.length ? changes[i + 1].t : OPEN_END_MS,
  }));
}

/** Step for Left/Right: a whole number of hours, about 1/240 of the range, at least one hour. */
export function stepFor(domain: [number, number]): number {
  const span = Math.max(0, domain[1] - domain[0]);
  const hours = Math.max(1, Math.round(span / 240 / HOUR_MS));
  return hours >= 24 ? Math.round(hours / 24) * DAY_MS : hours * HOUR_MS;
}

/** Builds the time index of a dataset. Inputs need not be sorted. */
export function buildTimeline(dataset: Dataset): Timeline {
  const start = parseIsoTime(dataset.manifest.time_range.start) ?? 0;
  const end = parseIsoTime(dataset.manifest.time_range.end) ?? start;
  const posts = dataset.posts
    .map((p) => ({ ...p, t: parseIsoTime(p.published_at) ?? Number.NaN }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));

  const zones = dataset.zones
    .map((zone) => ({ zone, ...zoneInterval(zone) }))
    .sort((a, b) => a.t0 - b.t0);
  const zoneStarts = zones.map((z) => z.t0);

  const spansByPlace = new Map<string, ControlSpan[]>();
  for (const place of dataset.places) spansByPlace.set(place.id, controlSpans(place));

  const reports = dataset.reports
    .map((report) => ({ report, t: parseIsoTime(report.properties.reported_at) ?? Number.NaN }))
    .filter((r) => Number.isFinite(r.t))
    .sort((a, b) => a.t - b.t || a.report.id.localeCompare(b.report.id));
  const reportTimes = reports.map((r) => r.t);

  return {
    domain: [start, end],
    posts,
    stepMs: stepFor([start, end]),
    zonesActiveAt(t) {
      const n = upperBound(zoneStarts, t);
      const out: Zone[] = [];
      for (let i = 0; i < n; i++) if (zones[i].t1 > t) out.push(zones[i].zone);
      return out;
    },
    controlAt(placeId, t) {
      const spans = spansByPlace.get(placeId) ?? [];
      return spans.find((s) => s.t0 <= t && t < s.t1) ?? null;
    },
    reportsKnownAt(t, limit = Number.POSITIVE_INFINITY) {
      const n = upperBound(reportTimes, t);
      return reports
        .slice(Math.max(0, n - limit), n)
        .reverse()
        .map((r) => r.report);
    },
    countReportsKnownAt(t) {
      return upperBound(reportTimes, t);
    },
  };
}

/**
 * The moment the app opens at: the link's time (`linked`, from the URL), else the last post's,
 * else the end of the time range; clamped into the domain. The loader picks the zones it sends
 * first by it (load/first-zones.ts), so both must agree.
 */
export function openingTime(timeline: Pick<Timeline, 'domain' | 'posts'>, linked?: number): number {
  return clampTime(linked ?? timeline.posts.at(-1)?.t ?? timeline.domain[1], timeline.domain);
}

/** Clamps t into the domain. */
export function clampTime(t: number, domain: [number, number]): number {
  return Math.min(domain[1], Math.max(domain[0], t));
}

/** The nearest post time within `toleranceMs` of t, or t itself. */
export function snapToPost(
  t: number,
  posts: readonly { t: number }[],
  toleranceMs: number,
): number {
  let best = t;
  let bestDist = toleranceMs;
  for (const p of posts) {
    const d = Math.abs(p.t - t);
    if (d <= bestDist) {
      best = p.t;
      bestDist = d;
    }
  }
  return best;
}

/** Time of the last post strictly before t, or null. */
export function previousPostTime(t: number, posts: readonly { t: number }[]): number | null {
  let found: number | null = null;
  for (const p of posts) if (p.t < t) found = p.t;
  return found;
}

/** Time of the first post strictly after t, or null. */
export function nextPostTime(t: number, posts: readonly { t: number }[]): number | null {
  for (const p of posts) if (p.t > t) return p.t;
  return null;
}
