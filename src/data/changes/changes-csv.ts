/**
 * The changes log as CSV (RFC 4180, written and read by papaparse: quoting of commas, quotes
 * and line breaks in sources and notes is the library's, not ours). One row per change; every
 * row names the dataset and its licences, so a pasted extract still says where it came from.
 */
import Papa from 'papaparse';
import type { Manifest } from '../types';
import { licenceOf } from './about';
import type { ChangeRow } from './change-log';

export const CHANGE_COLUMNS = [
  'date',
  'place',
  'place_id',
  'longitude',
  'latitude',
  'from',
  'to',
  'from_id',
  'to_id',
  'source',
  'note',
  'disputed',
  'dataset',
  'licence',
] as const;

/** The rows as CSV text with a header row. Disputed claims: "faction: source (note)", joined
 * with " | ". */
export function changesCsv(rows: readonly ChangeRow[], manifest: Manifest): string {
  const label = (id: string) => manifest.factions.find((f) => f.id === id)?.label ?? id;
  const licence = licenceOf(manifest);
  return Papa.unparse(
    {
      fields: [...CHANGE_COLUMNS],
      data: rows.map((r) => [
        r.at,
        r.place,
        r.placeId,
        r.position[0],
        r.position[1],
        label(r.from),
        label(r.to),
        r.from,
        r.to,
        r.source,
        r.note ?? '',
        r.disputed
          .map((d) => `${label(d.faction)}: ${d.source}${d.note ? ` (${d.note})` : ''}`)
          .join(' | '),
        manifest.title,
        licence,
      ]),
    },
    // A spreadsheet opened on a double-click wants CRLF; a leading =, +, - or @ is not escaped
    // (escapeFormulae) because sources are URLs and notes plain text, which would be altered.
    { newline: '\r\n' },
  );
}

/** Reads a changes CSV back into records keyed by column (for checks and round trips). */
export function parseChangesCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return parsed.data;
}
