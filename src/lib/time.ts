/** Time helpers. All numeric times are epoch milliseconds (UTC). */
import type { UiLang } from './lang';

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

/**
 * The locale `Intl` formats dates and numbers with. Arabic uses `ar-SY`, not plain `ar`: CLDR
 * gives plain `ar` Latin digits and Egyptian month names (أكتوبر), while Syrian usage, the
 * readers of this map, writes Arabic-Indic digits (٢٣) and the Levantine months (تشرين الأول).
 * English keeps the app's own compact forms below; `en-GB` orders day month year like them.
 */
export const FORMAT_LOCALE: Record<UiLang, string> = { en: 'en-GB', ar: 'ar-SY' };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** An Intl formatter in UTC for the language's locale, made once. */
function utcFormat(lang: UiLang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(FORMAT_LOCALE[lang], { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}
const LONG_DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** "23 October 2015, 23:34 UTC" — the slider's aria-valuetext and the large clock. In Arabic,
 * by Intl: "٢٣ تشرين الأول ٢٠١٥ في ٢٣:٣٤ UTC". */
export function formatUtcInWords(ms: number, lang: UiLang = 'en'): string {
  if (lang !== 'en')
    return utcFormat(lang, { ...LONG_DAY, ...CLOCK, timeZoneName: 'short' }).format(ms);
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** "23 Oct 2015"; in Arabic "٢٣ تشرين الأول ٢٠١٥". */
export function formatUtcDate(ms: number, lang: UiLang = 'en'): string {
  if (lang !== 'en') return utcFormat(lang, LONG_DAY).format(ms);
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}`;
}

/** "23:34" (UTC); in Arabic "٢٣:٣٤". */
export function formatUtcClock(ms: number, lang: UiLang = 'en'): string {
  if (lang !== 'en') return utcFormat(lang, CLOCK).format(ms);
  return formatIsoUtc(ms).slice(11, 16);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A count or measure in the language's digits: 1,234 or ١٬٢٣٤. */
export function formatNumber(
  n: number,
  lang: UiLang = 'en',
  options?: Intl.NumberFormatOptions,
): string {
  const key = `${lang} ${JSON.stringify(options ?? {})}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(FORMAT_LOCALE[lang], options);
    numberFormats.set(key, f);
  }
  return f.format(n);
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
