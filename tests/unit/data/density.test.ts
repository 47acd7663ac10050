import { describe, expect, it } from 'vitest';
import { dailyCounts } from '../../../src/data/density';
import { loadDataset } from '../../../src/data/load';
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
    // 12 Nov: al-Hader and al-Eis change hands; Kafr Nabudah's same-faction entry of 12 Oct is
    // not a change.
    expect(on('2015-11-12').changes).toBe(2);
    expect(on('2015-10-12').changes).toBe(0);
    expect(on('2015-10-10').changes).toBe(1); // Atshan
    const total = days.reduce((n, x) => n + x.reports, 0);
    expect(total).toBe(d.reports.length);
  });
});
