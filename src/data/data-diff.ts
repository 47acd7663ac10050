/**
 * What a change to the dataset changes, for a reviewer: reports added, changed and removed;
 * control entries added, altered (moved in time, another faction or source) and removed; and,
 * per faction, the periods whose zone area differs (km², geodesic, @turf/area). Pure: the two
 * datasets come in loaded (`npm run data-diff` reads them from git).
 */
import area from '@turf/area';
import type { Feature as GeoFeature, MultiPolygon, Polygon } from 'geojson';
import { OPEN_END_MS, parseIsoTime } from '../lib/time';
import { controlSpans, zoneInterval } from './timeline';
import type { ControlChange, Dataset, Place, Report, Zone } from './types';

export interface ReportChange {
  before: Report;
  after: Report;
  /** Properties that differ (and "geometry" when the pin moved), in the file's order. */
  fields: string[];
}

export interface ControlDiff {
  placeId: string;
  placeName: string;
  kind: 'added' | 'altered' | 'removed';
  /** The entry as it is now (for removed: as it was). */
  entry: ControlChange;
  /** For altered: the entry it replaces. */
  was?: ControlChange;
  /** Who held the place just before this entry (null: not known), in the entry's version. */
  previous: string | null;
}

export interface ZoneAreaDiff {
  faction: string;
  /** The period, epoch ms: [t0, t1). */
  t0: number;
  t1: number;
  /** km² of the faction's zones in that period, before and after. */
  before: number;
  after: number;
}

export interface DataDiff {
  reports: { added: Report[]; changed: ReportChange[]; removed: Report[] };
  control: ControlDiff[];
  zones: {
    areas: ZoneAreaDiff[];
    /** Zone ids that appear, disappear, or whose geometry or properties differ. */
    added: string[];
    removed: string[];
    changed: string[];
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byId = <F extends { id: string }>(list: readonly F[]) => new Map(list.map((f) => [f.id, f]));

function diffReports(before: readonly Report[], after: readonly Report[]): DataDiff['reports'] {
  const old = byId(before);
  const now = byId(after);
  const changed: ReportChange[] = [];
  for (const r of after) {
    const b = old.get(r.id);
    if (!b) continue;
    const keys = [...new Set([...Object.keys(r.properties), ...Object.keys(b.properties)])];
    const fields = keys.filter(
      (k) =>
        !same(
          (b.properties as unknown as Record<string, unknown>)[k],
          (r.properties as unknown as Record<string, unknown>)[k],
        ),
    );
    if (!same(b.geometry, r.geometry)) fields.push('geometry');
    if (fields.length) changed.push({ before: b, after: r, fields });
  }
  return {
    added: after.filter((r) => !old.has(r.id)),
    changed,
    removed: before.filter((r) => !now.has(r.id)),
  };
}

/** Controller just before each entry of a place, from its spans (entries in any order). */
function previousOf(place: Place, entry: ControlChange): string | null {
  const spans = controlSpans(place);
  const t = parseIsoTime(entry.from);
  const i = spans.findIndex((s) => s.t0 === t && s.faction === entry.faction);
  return i > 0 ? spans[i - 1].faction : null;
}

function diffPlace(before: Place | undefined, after: Place | undefined): ControlDiff[] {
  const place = (after ?? before) as Place;
  const out: ControlDiff[] = [];
  const oldRest = [...(before?.properties.control ?? [])];
  const newRest: ControlChange[] = [];
  for (const e of after?.properties.control ?? []) {
    const i = oldRest.findIndex((o) => same(o, e));
    if (i >= 0) oldRest.splice(i, 1);
    else newRest.push(e);
  }
  const time = (e: ControlChange) => parseIsoTime(e.from) ?? 0;
  for (const e of newRest) {
    // An entry that replaces one of the same faction (moved in time, or re-sourced), or failing
    // that one at the same moment (another faction), is altered; anything else is new.
    const candidates = oldRest
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.faction === e.faction || o.from === e.from)
      .sort(
        (x, y) =>
          Number(y.o.faction === e.faction) - Number(x.o.faction === e.faction) ||
          Math.abs(time(x.o) - time(e)) - Math.abs(time(y.o) - time(e)),
      );
    const match = candidates[0];
    if (match) oldRest.splice(match.i, 1);
    out.push({
      placeId: place.id,
      placeName: place.properties.name,
      kind: match ? 'altered' : 'added',
      entry: e,
      ...(match ? { was: match.o } : {}),
      previous: after ? previousOf(after, e) : null,
    });
  }
  for (const o of oldRest)
    out.push({
      placeId: place.id,
      placeName: place.properties.name,
      kind: 'removed',
      entry: o,
      previous: before ? previousOf(before, o) : null,
    });
  return out;
}

function diffControl(before: readonly Place[], after: readonly Place[]): ControlDiff[] {
  const old = byId(before);
  const now = byId(after);
  const ids = [...new Set([...after.map((p) => p.id), ...before.map((p) => p.id)])];
  return ids
    .flatMap((id) => diffPlace(old.get(id), now.get(id)))
    .sort((a, b) => (parseIsoTime(a.entry.from) ?? 0) - (parseIsoTime(b.entry.from) ?? 0));
}

const KM2 = 1e6;

interface ZoneSpan {
  faction: string;
  t0: number;
  t1: number;
  km2: number;
}

function spansOf(zones: readonly Zone[]): ZoneSpan[] {
  return zones.map((z) => ({
    faction: z.properties.faction,
    ...zoneInterval(z),
    km2: area(z as unknown as GeoFeature<Polygon | MultiPolygon>) / KM2,
  }));
}

/**
 * Per faction and period, the km² of its zones active then, before and after; only periods
 * where the two differ by `minKm2` or more, neighbours with the same numbers merged. Zones of
 * one faction do not overlap (derived zones are Voronoi cells dissolved by faction, broad zones
 * cells of their own), so a faction's area is the sum of its zones' areas.
 */
export function zoneAreaChanges(
  before: readonly Zone[],
  after: readonly Zone[],
  range: [number, number],
  minKm2 = 0.05,
): ZoneAreaDiff[] {
  const a = spansOf(before);
  const b = spansOf(after);
  const [start, end] = range;
  const cuts = [
    ...new Set(
      [start, end, ...[...a, ...b].flatMap((s) => [s.t0, s.t1])].filter(
        (t) => t >= start && t <= end && t < OPEN_END_MS,
      ),
    ),
  ].sort((x, y) => x - y);
  const factions = [...new Set([...a, ...b].map((s) => s.faction))].sort();
  const sumAt = (spans: ZoneSpan[], faction: string, t: number) =>
    spans
      .filter((s) => s.faction === faction && s.t0 <= t && t < s.t1)
      .reduce((sum, s) => sum + s.km2, 0);
  const out: ZoneAreaDiff[] = [];
  for (const faction of factions)
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [t0, t1] = [cuts[i], cuts[i + 1]];
      const row = { faction, t0, t1, before: sumAt(a, faction, t0), after: sumAt(b, faction, t0) };
      if (Math.abs(row.after - row.before) < minKm2) continue;
      const last = out.at(-1);
      if (
        last &&
        last.faction === faction &&
        last.t1 === t0 &&
        Math.abs(last.before - row.before) < minKm2 &&
        Math.abs(last.after - row.after) < minKm2
      )
        last.t1 = t1;
      else out.push(row);
    }
  return out;
}

function diffZoneIds(before: readonly Zone[], after: readonly Zone[]) {
  const old = byId(before);
  const now = byId(after);
  return {
    added: after.filter((z) => !old.has(z.id)).map((z) => z.id),
    removed: before.filter((z) => !now.has(z.id)).map((z) => z.id),
    changed: after.filter((z) => old.has(z.id) && !same(old.get(z.id), z)).map((z) => z.id),
  };
}

/** An empty dataset, for a side that has none (a repository before its first data). */
const EMPTY = { zones: [], places: [], reports: [] };

/** What changed from `before` to `after` (either may be null: no dataset on that side). */
export function diffDatasets(before: Dataset | null, after: Dataset | null): DataDiff {
  const b = before ?? EMPTY;
  const a = after ?? EMPTY;
  const manifest = (after ?? before)?.manifest;
  const range: [number, number] = [
    parseIsoTime(manifest?.time_range.start) ?? 0,
    parseIsoTime(manifest?.time_range.end) ?? 0,
  ];
  return {
    reports: diffReports(b.reports, a.reports),
    control: diffControl(b.places, a.places),
    zones: { areas: zoneAreaChanges(b.zones, a.zones, range), ...diffZoneIds(b.zones, a.zones) },
  };
}
