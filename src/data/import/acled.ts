/**
 * One row of an ACLED export as one report (the standard columns: event_id_cnty, event_date,
 * event_type, sub_event_type, actor1, location, latitude, longitude, geo_precision, source,
 * notes, fatalities). Pure: the row is checked and turned into a feature, or the reason it
 * cannot be is returned; `npm run import` validates the feature with the project's rules too.
 */
import { categoryOfAcled } from '../categories';
import type { Report, ReportStatus } from '../types';
import { parseAcledDate } from './acled-date';

/** Columns a row must have (others are ignored). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
] as const;

/**
 * ACLED's geo_precision: 1 = the named town itself; 2 = near it, or a part of a district;
 * 3 = only a larger region (its capital's coordinates). Radii for 2 and 3 are this project's
 * reading of the codebook, in metres.
 */
export const PRECISION_OF_GEO: Record<string, { precision: 'exact' | 'approximate'; m?: number }> =
  {
    '1': { precision: 'exact' },
    '2': { precision: 'approximate', m: 15_000 },
    '3': { precision: 'approximate', m: 50_000 },
  };

export interface AcledOptions {
  /** What every imported report links to (ACLED has no per-event URL). */
  sourceUrl: string;
  /** ACLED codes what was reported, without saying whether it was confirmed: default unconfirmed. */
  status: ReportStatus;
}

export type RowResult = { report: Report } | { error: string };

/** Header columns the file lacks. */
export function missingColumns(fields: readonly string[]): string[] {
  return ACLED_COLUMNS.filter((c) => !fields.includes(c));
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A report id from ACLED's event id ("SYR1234" -> "acled-syr1234"), or null if unusable. */
export function reportIdOf(eventId: string): string | null {
  const slug = eventId
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `acled-${slug}` : null;
}

export function acledRowToReport(row: Record<string, string>, o: AcledOptions): RowResult {
  const get = (k: string) => (row[k] ?? '').trim();
  const id = reportIdOf(get('event_id_cnty'));
  if (!id) return { error: 'event_id_cnty is empty' };
  const date = parseAcledDate(get('event_date'));
  if (!date)
    return {
      error: `event_date "${get('event_date')}" is not a date ACLED writes (2015-10-05 or 05 October 2015)`,
    };
  const category = categoryOfAcled(get('sub_event_type'));
  if (!category)
    return { error: `sub_event_type "${get('sub_event_type')}" is not one of ACLED's` };
  if (category.event_type.toLowerCase() !== get('event_type').toLowerCase())
    return {
      error: `sub_event_type "${get('sub_event_type')}" belongs to event_type "${category.event_type}", not "${get('event_type')}"`,
    };
  const lat = Number(get('latitude'));
  const lon = Number(get('longitude'));
  if (get('latitude') === '' || !Number.isFinite(lat) || Math.abs(lat) > 90)
    return { error: `latitude "${get('latitude')}" is not a number between -90 and 90` };
  if (get('longitude') === '' || !Number.isFinite(lon) || Math.abs(lon) > 180)
    return { error: `longitude "${get('longitude')}" is not a number between -180 and 180` };
  const geo = PRECISION_OF_GEO[get('geo_precision')];
  if (!geo) return { error: `geo_precision "${get('geo_precision')}" is not 1, 2 or 3` };
  let fatalities: number | undefined;
  if (get('fatalities') !== '') {
    fatalities = Number(get('fatalities'));
    if (!Number.isInteger(fatalities) || fatalities < 0)
      return { error: `fatalities "${get('fatalities')}" is not a whole number` };
  }
  const location = get('location') || 'an unnamed place';
  const title = cut(`${category.label} in ${location}`, 200);
  const at = `${date}T00:00:00Z`;
  const source = get('source');
  return {
    report: {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
      properties: {
        // ACLED gives the day, not the hour: the report is placed at the day's start (UTC).
        reported_at: at,
        occurred_at: at,
        title,
        text: cut(get('notes') || title, 5000),
        lang: 'en',
        source_url: o.sourceUrl,
        status: o.status,
        category: category.id,
        ...(source ? { source_name: cut(source, 200) } : {}),
        precision: geo.precision,
        ...(geo.m ? { uncertainty_m: geo.m } : {}),
        ...(fatalities !== undefined ? { fatalities } : {}),
      },
    },
  };
}

/** Five decimals: about a metre, as the project writes coordinates. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;
