import { describe, expect, it } from 'vitest';
import { acledRowToReport, missingColumns } from '../../../../src/data/import/acled';
import { parseAcledDate } from '../../../../src/data/import/acled-date';

const opts = { sourceUrl: 'https://acleddata.com/', status: 'unconfirmed' as const };
const row = (over: Record<string, string> = {}) => ({
  event_id_cnty: 'SYR1234',
  event_date: '2015-10-05',
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Air/drone strike',
  location: 'Khan Tuman',
  latitude: '36.1178',
  longitude: '37.0514',
  geo_precision: '2',
  source: 'SOHR',
  notes: 'Warplanes struck the village.',
  fatalities: '3',
  ...over,
});

describe('ACLED dates', () => {
  it('reads ISO and the long forms ACLED has written', () => {
    expect(parseAcledDate('2015-10-05')).toBe('2015-10-05');
    expect(parseAcledDate('05 October 2015')).toBe('2015-10-05');
    expect(parseAcledDate('5 october 2015')).toBe('2015-10-05');
    expect(parseAcledDate('05-October-2015')).toBe('2015-10-05');
    expect(parseAcledDate('7-Oct-2015')).toBe('2015-10-07');
  });
  it('refuses days that do not exist, two-digit years and other orders', () => {
    for (const bad of [
      '32 October 2015',
      '2015-02-30',
      '05-Oct-15',
      '10/05/2015',
      'Oct 5 2015',
      '',
    ])
      expect(parseAcledDate(bad)).toBeNull();
  });
});

describe('an ACLED row as a report', () => {
  it('takes the category from the sub-event type, the precision from geo_precision and the source from the row', () => {
    const r = acledRowToReport(row(), opts);
    if (!('report' in r)) throw new Error(r.error);
    expect(r.report).toEqual({
      type: 'Feature',
      id: 'acled-syr1234',
      geometry: { type: 'Point', coordinates: [37.0514, 36.1178] },
      properties: {
        reported_at: '2015-10-05T00:00:00Z',
        occurred_at: '2015-10-05T00:00:00Z',
        title: 'Air/drone strike in Khan Tuman',
        text: 'Warplanes struck the village.',
        lang: 'en',
        source_url: 'https://acleddata.com/',
        status: 'unconfirmed',
        category: 'air-drone-strike',
        source_name: 'SOHR',
        precision: 'approximate',
        uncertainty_m: 15_000,
        fatalities: 3,
      },
    });
    const exact = acledRowToReport(row({ geo_precision: '1', fatalities: '', notes: '' }), opts);
    if (!('report' in exact)) throw new Error(exact.error);
    expect(exact.report.properties).toMatchObject({
      precision: 'exact',
      text: exact.report.properties.title,
    });
    expect(exact.report.properties).not.toHaveProperty('uncertainty_m');
    expect(exact.report.properties).not.toHaveProperty('fatalities');
    // ACLED's "Other" is the category "other", never the project's own "siege".
    const other = acledRowToReport(
      row({ event_type: 'Strategic developments', sub_event_type: 'Other' }),
      opts,
    );
    expect('report' in other && other.report.properties.category).toBe('other');
  });

  it('says why a row cannot be a report', () => {
    const why = (over: Record<string, string>) => {
      const r = acledRowToReport(row(over), opts);
      return 'error' in r ? r.error : null;
    };
    expect(why({ event_id_cnty: ' ' })).toMatch(/event_id_cnty is empty/);
    expect(why({ event_date: '5/10/2015' })).toMatch(/event_date "5\/10\/2015" is not a date/);
    expect(why({ sub_event_type: 'Teleportation' })).toMatch(/not one of ACLED's/);
    expect(why({ event_type: 'Battles' })).toMatch(
      /belongs to event_type "Explosions\/Remote violence"/,
    );
    expect(why({ latitude: '' })).toMatch(/latitude "" is not a number/);
    expect(why({ longitude: '200' })).toMatch(/longitude "200"/);
    expect(why({ geo_precision: '4' })).toMatch(/geo_precision "4" is not 1, 2 or 3/);
    expect(why({ fatalities: '2.5' })).toMatch(/fatalities "2.5" is not a whole number/);
    expect(why({})).toBeNull();
  });

  it('names the columns a header lacks', () => {
    expect(missingColumns(Object.keys(row()))).toEqual([]);
    expect(missingColumns(['event_id_cnty', 'event_date'])).toContain('notes');
  });
});
