/** Time helpers. All numeric times are epoch milliseconds (UTC). */

/** Latest time a JS Date can hold; stands for "open-ended" in numeric intervals. */
export const OPEN_END_MS = 8.64e15;

/** ISO 8601 date-time that names its zone (Z or ±hh:mm). */
export const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 date-time that names its time zone; returns epoch ms or null. A day the
 * month does not have (30 February) is null: Date.parse would roll it over into March. */
export function parseIsoTime(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value)) return null;
  // Day 0 of the next month is this month's last day. (Month 0 or 13 and day 0 need no check
  // here: Date.parse refuses them.)
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Formats epoch ms as a compact ISO string in UTC, without milliseconds: 2015-10-23T23:34:00Z. */
export function formatIsoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "23 October 2015, 23:34 UTC" — the slider's aria-valuetext and the large clock. */
export function formatUtcInWords(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** "23 Oct 2015" */
export function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}`;
}

/** "23:34" (UTC) */
export function formatUtcClock(ms: number): string {
  return formatIsoUtc(ms).slice(11, 16);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Epoch ms as the value of an `<input type="datetime-local">` read as UTC:
 * "2015-10-23T23:34" (seconds only when not zero).
 */
export function formatUtcInput(ms: number): string {
  const iso = formatIsoUtc(ms);
  return iso.endsWith(':00Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** The value of a datetime-local input ("2015-10-23T23:34", seconds optional) as UTC epoch ms,
 * or null. */
export function parseUtcInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const ms = parseIsoTime(`${value}Z`);
  // Date.parse rolls 30 February over into March: refuse a date that does not round-trip.
  return ms !== null && formatIsoUtc(ms).slice(0, 16) === value.slice(0, 16) ? ms : null;
}
