import { describe, expect, it } from 'vitest';
import { dailyCounts } from '../../../src/data/density';
import { loadDataset } from '../../../src/data/load/load';
import { readLocal, repoUrl } from '../read-local';

describe('dailyCounts on the bundled dataset', () => {
  it('counts reports and real control changes per UTC day over the whole range', async () => {
    const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
      topology: false,
    });
    const d = dataset!;
    const domain: [number, number] = [
      Date.parse(d.manifest.time_range.start),
      Date.parse(d.manifest.time_range.end),
    ];
    const days = dailyCounts(d, domain);
    expect(days).toHaveLength(61); // 1 Oct – 30 Nov 2015
    const on = (iso: string) => days.find((x) => x.t === Date.parse(`${iso}T00:00:00Z`))!;
    // The seed post's day: its report pins (published 23:34 UTC).
    expect(on('2015-10-23').reports).toBe(
      d.reports.filter((r) => r.properties.reported_at.startsWith('2015-10-23')).length,
    );
    // Changes of controller per day, counted here place by place: an entry whose faction is the
    // one before it (Kafr Nabudah's of 12 Oct, which only restates rebel control) is not one.
    const changesOn = (iso: string, sameFactionToo = false) =>
      d.places.reduce((n, p) => {
        const entries = [...p.properties.control].sort((a, b) => a.from.localeCompare(b.from));
        return (
          n +
          entries.filter(
            (c, i) =>
              i > 0 &&
              c.from.startsWith(iso) &&
              (sameFactionToo || c.faction !== entries[i - 1].faction),
          ).length
        );
      }, 0);
    for (const iso of ['2015-10-09', '2015-10-10', '2015-10-12', '2015-11-10', '2015-11-12'])
      expect(on(iso).changes, iso).toBe(changesOn(iso));
    expect(changesOn('2015-10-12', true)).toBe(changesOn('2015-10-12') + 1);
    // al-Hader and al-Eis among them on 12 Nov.
    expect(on('2015-11-12').changes).toBeGreaterThanOrEqual(2);
    const total = days.reduce((n, x) => n + x.reports, 0);
    expect(total).toBe(d.reports.length);
  });
});
