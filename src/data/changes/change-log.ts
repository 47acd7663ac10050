/**
 * Every control change in a dataset as one log: a place passing from one faction to another,
 * with its date, source and any claims that disagree (the same changes the activity strip
 * counts). Pure; the Changes view, its CSV download and the tests use it.
 */
import { parseIsoTime } from '../../lib/time';
import type { ControlClaim, Dataset, LonLat } from '../types';

export interface ChangeRow {
  /** Epoch ms of the change. */
  t: number;
  /** The change's time as the data writes it (ISO 8601). */
  at: string;
  placeId: string;
  place: string;
  position: LonLat;
  /** Faction ids: who held it before, and who took it. */
  from: string;
  to: string;
  source: string;
  note?: string;
  /** Other sources' claims that disagree with this entry. */
  disputed: readonly ControlClaim[];
}

/** The dataset's control changes, oldest first (ties by place name). */
export function changeLog(dataset: Dataset): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const place of dataset.places) {
    const entries = place.properties.control
      .map((c) => ({ c, t: parseIsoTime(c.from) }))
      .filter((x): x is typeof x & { t: number } => x.t !== null)
      .sort((a, b) => a.t - b.t);
    entries.forEach(({ c, t }, i) => {
      const before = entries[i - 1]?.c;
      if (!before || before.faction === c.faction) return;
      rows.push({
        t,
        at: c.from,
        placeId: place.id,
        place: place.properties.name,
        position: place.geometry.coordinates as LonLat,
        from: before.faction,
        to: c.faction,
        source: c.source,
        ...(c.note ? { note: c.note } : {}),
        disputed: c.disputed ?? [],
      });
    });
  }
  return sortChanges(rows, 'date');
}

export type ChangeSort = 'date' | 'date-desc' | 'place';

const byPlace = (a: ChangeRow, b: ChangeRow) =>
  a.place.localeCompare(b.place, 'en', { sensitivity: 'base' });

/** Sorted copy: by date (oldest or newest first), or by place name then date. */
export function sortChanges(rows: readonly ChangeRow[], sort: ChangeSort): ChangeRow[] {
  const out = [...rows];
  if (sort === 'place') return out.sort((a, b) => byPlace(a, b) || a.t - b.t);
  const dir = sort === 'date' ? 1 : -1;
  return out.sort((a, b) => dir * (a.t - b.t) || byPlace(a, b));
}

export interface ChangeFilter {
  /** Only changes a faction took part in (as loser or winner); null: all. */
  faction: string | null;
  /** Only places inside [west, south, east, north] degrees; null: anywhere. */
  extent: readonly [number, number, number, number] | null;
}

export function filterChanges(rows: readonly ChangeRow[], f: ChangeFilter): ChangeRow[] {
  return rows.filter((r) => {
    if (f.faction && r.from !== f.faction && r.to !== f.faction) return false;
    if (!f.extent) return true;
    const [w, s, e, n] = f.extent;
    const [lon, lat] = r.position;
    return lon >= w && lon <= e && lat >= s && lat <= n;
  });
}
