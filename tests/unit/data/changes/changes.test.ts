import { describe, expect, it } from 'vitest';
import { downloadName, licenceOf } from '../../../../src/data/changes/about';
import { changeLog, filterChanges, sortChanges } from '../../../../src/data/changes/change-log';
import { changesCsv, parseChangesCsv } from '../../../../src/data/changes/changes-csv';
import { stateAt } from '../../../../src/data/changes/state-geojson';
import { loadDataset } from '../../../../src/data/load/load';
import { buildTimeline } from '../../../../src/data/timeline';
import { readLocal, repoUrl } from '../../read-local';

const { dataset } = await loadDataset(repoUrl('tests/fixtures/desk/dataset.json'), readLocal);
if (!dataset) throw new Error('fixture did not load');

describe('the changes log', () => {
  it('lists every change of controller, oldest first, not repeated entries of one faction', () => {
    const rows = changeLog(dataset);
    expect(rows.map((r) => `${r.at} ${r.placeId} ${r.from}>${r.to}`)).toEqual([
      '2015-11-08T06:00:00Z khan-tuman rebel>regime',
      '2015-11-12T12:00:00Z al-hader rebel>regime',
      '2015-11-18T00:00:00Z khan-tuman regime>rebel',
      '2015-11-25T00:00:00Z raqqa isis>rebel',
    ]);
    const hader = rows[1];
    expect(hader.source).toBe('https://example.org/hader-2');
    expect(hader.disputed).toEqual([
      {
        faction: 'rebel',
        source: 'https://example.org/hader-claim',
        note: 'rebels said they still held the south',
      },
    ]);
  });

  it('sorts by date either way or by place, and filters by faction and extent', () => {
    const rows = changeLog(dataset);
    expect(sortChanges(rows, 'date-desc').map((r) => r.placeId)).toEqual([
      'raqqa',
      'khan-tuman',
      'al-hader',
      'khan-tuman',
    ]);
    expect(sortChanges(rows, 'place').map((r) => `${r.place} ${r.at.slice(5, 10)}`)).toEqual([
      'al-Hader 11-12',
      'Khan Tuman 11-08',
      'Khan Tuman 11-18',
      'Raqqa 11-25',
    ]);
    expect(filterChanges(rows, { faction: 'isis', extent: null }).map((r) => r.placeId)).toEqual([
      'raqqa',
    ]);
    // South of Aleppo only: Raqqa is outside.
    const aleppo = [36.9, 35.9, 37.2, 36.2] as const;
    expect(filterChanges(rows, { faction: null, extent: aleppo })).toHaveLength(3);
    expect(filterChanges(rows, { faction: 'regime', extent: aleppo })).toHaveLength(3);
  });
});

describe('the changes CSV', () => {
  it('round-trips every field, with commas, quotes and line breaks quoted by the library', () => {
    const rows = changeLog(dataset);
    const tricky = {
      ...rows[0],
      place: 'Khan Tuman, "south"',
      source: 'SOHR; Reuters, "quoted"\nsecond line',
      note: '=not a formula',
    };
    const text = changesCsv([tricky, ...rows.slice(1)], dataset.manifest);
    expect(text.split('\r\n')[0]).toBe(
      'date,place,place_id,longitude,latitude,from,to,from_id,to_id,source,note,disputed,dataset,licence',
    );
    const back = parseChangesCsv(text);
    expect(back).toHaveLength(rows.length);
    expect(back[0]).toMatchObject({
      date: '2015-11-08T06:00:00Z',
      place: 'Khan Tuman, "south"',
      place_id: 'khan-tuman',
      longitude: '37.05139',
      latitude: '36.11777',
      from: 'Syrian opposition',
      to: 'Syrian government and allies',
      from_id: 'rebel',
      to_id: 'regime',
      source: 'SOHR; Reuters, "quoted"\nsecond line',
      note: '=not a formula',
      dataset: dataset.manifest.title,
      licence: 'GeoNames: CC BY 4.0',
    });
    expect(back[1].disputed).toBe(
      'Syrian opposition: https://example.org/hader-claim (rebels said they still held the south)',
    );
  });
});

describe('the state at t as GeoJSON', () => {
  it('gives every place its controller at t and the zones active then, naming dataset, moment and licence', () => {
    const t = Date.parse('2015-11-13T00:00:00Z');
    const fc = stateAt(dataset, buildTimeline(dataset), t);
    expect(fc).toMatchObject({
      type: 'FeatureCollection',
      dataset: dataset.manifest.title,
      moment: '2015-11-13T00:00:00Z',
      licence: licenceOf(dataset.manifest),
    });
    const places = Object.fromEntries(
      fc.features
        .filter((f) => f.properties.kind === 'place')
        .map((f) => [f.id, (f.properties as { controller: string }).controller]),
    );
    expect(places).toEqual({
      'al-hader': 'regime',
      'khan-tuman': 'regime',
      zitan: 'rebel',
      raqqa: 'isis',
    });
    const zones = fc.features.filter((f) => f.properties.kind === 'zone');
    expect(zones.map((z) => z.id)).toEqual(['z-regime-2']);
    for (const f of fc.features) expect(f.properties.moment).toBe('2015-11-13T00:00:00Z');
    expect(JSON.parse(JSON.stringify(fc)).features).toHaveLength(5);
  });

  it('names files after the dataset and the moment', () => {
    expect(
      downloadName('Aleppo, Nov 2015', 'state', 'geojson', Date.parse('2015-11-13T06:30:00Z')),
    ).toBe('aleppo-nov-2015_state_2015-11-13-0630utc.geojson');
    expect(downloadName('Aleppo', 'changes', 'csv')).toBe('aleppo_changes.csv');
  });
});
