/**
 * Dates as ACLED writes them: ISO ("2015-10-05", from the API and recent exports), and the
 * long forms of older exports and spreadsheets ("05 October 2015", "5-October-2015",
 * "05-Oct-15" is not accepted: a two-digit year is ambiguous). Returns "YYYY-MM-DD" or null.
 */
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a real calendar day, or null. */
function day(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function parseAcledDate(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const long = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(s);
  if (!long) return null;
  const name = long[2].toLowerCase();
  // Full names, or their first three letters ("Oct").
  const m = MONTHS.findIndex((x) => x === name || (name.length === 3 && x.startsWith(name)));
  return m < 0 ? null : day(Number(long[3]), m + 1, Number(long[1]));
}
