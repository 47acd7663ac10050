/**
 * A synthetic ACLED export of any size for the importer's real-size test: deterministic rows
 * with ACLED's columns, spread over October and November 2015 and the Aleppo-Hama area, every
 * sub-event type, all three geo_precision codes, notes with commas and quotes.
 */
import { MONTHS } from '../../src/lib/time';
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { CATEGORIES } from '../../src/data/categories';

const DAY = 86_400_000;
const START = Date.parse('2015-10-01T00:00:00Z');

export async function writeAcledCsv(path: string, rows: number): Promise<void> {
  const kinds = CATEGORIES.filter((c) => c.id !== 'siege');
  const data = Array.from({ length: rows }, (_, i) => {
    const c = kinds[i % kinds.length];
    const d = new Date(START + (i % 61) * DAY);
    // Every other row in ACLED's older long date form.
    const date =
      i % 2 === 0
        ? d.toISOString().slice(0, 10)
        : `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    return {
      event_id_cnty: `SYR${100000 + i}`,
      event_date: date,
      year: d.getUTCFullYear(),
      event_type: c.event_type,
      sub_event_type: c.sub_event_type,
      actor1: 'Unidentified Armed Group (Syria)',
      country: 'Syria',
      admin1: 'Aleppo',
      location: `Village ${i % 997}`,
      latitude: (35.0 + ((i * 7919) % 2000) / 1000).toFixed(4),
      longitude: (36.2 + ((i * 104729) % 2000) / 1000).toFixed(4),
      geo_precision: String(1 + (i % 3)),
      source: i % 5 === 0 ? 'SOHR; Local Coordination Committees' : 'SOHR',
      source_scale: 'National',
      notes: `On ${date}, an event of type "${c.label}" was reported near village ${i % 997}, with damage.`,
      fatalities: String(i % 7),
      timestamp: 1552577812,
    };
  });
  await writeFile(path, Papa.unparse(data, { newline: '\r\n' }));
}
