import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import { readLocal, repoUrl } from '../read-local';

describe('loadDataset', () => {
  it('loads a good dataset with every feature and no errors', async () => {
    const { dataset, problems } = await loadDataset(
      repoUrl('tests/fixtures/mini/dataset.json'),
      readLocal,
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(dataset?.zones).toHaveLength(2);
    expect(dataset?.places).toHaveLength(1);
    expect(dataset?.reports).toHaveLength(2);
    expect(dataset?.posts).toHaveLength(2);
  });

  it('keeps the good parts of a broken dataset and names the file and feature of each problem', async () => {
    const progress: string[] = [];
    const { dataset, problems } = await loadDataset(
      repoUrl('tests/fixtures/broken/dataset.json'),
      readLocal,
      (d, t) => progress.push(`${d}/${t}`),
    );
    expect(dataset).not.toBeNull();
    // The truncated zones file: one located syntax problem, no zones.
    const zoneProblems = problems.filter((p) => p.file === 'layers/zones.geojson');
    expect(zoneProblems).toHaveLength(1);
    expect(zoneProblems[0].message).toMatch(/not valid JSON/);
    expect(zoneProblems[0].line).toBe(1);
    expect(dataset?.zones).toEqual([]);
    // The bad pin is dropped with a problem per broken property; the good pin stays.
    expect(dataset?.reports.map((r) => r.id)).toEqual(['good-pin']);
    const pin = problems
      .filter((p) => p.featureId === 'bad-pin')
      .map((p) => p.property)
      .sort();
    expect(pin).toEqual(['reported_at', 'source_url', 'status']);
    // The places layer is untouched.
    expect(dataset?.places).toHaveLength(1);
    expect(progress.at(-1)).toBe('4/4');
  });

  it('reports a missing layer file as a problem, not an exception', async () => {
    const read = async (url: string) => {
      if (url.endsWith('places.geojson')) throw new Error('HTTP 404 Not Found');
      return readLocal(url);
    };
    const { dataset, problems } = await loadDataset(
      repoUrl('tests/fixtures/mini/dataset.json'),
      read,
    );
    expect(dataset?.places).toEqual([]);
    expect(dataset?.zones).toHaveLength(2);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'layers/places.geojson',
        message: 'could not be loaded (HTTP 404 Not Found)',
      }),
    );
  });

  it('returns no dataset, with the reason, when the manifest itself is unusable', async () => {
    const read = async () => '{"title": 3}';
    const { dataset, problems } = await loadDataset('file:///nowhere/dataset.json', read);
    expect(dataset).toBeNull();
    expect(problems.map((p) => p.property)).toContain('title');
    expect(problems.every((p) => p.file === 'dataset.json')).toBe(true);
  });

  it('hands over zones, places and posts before the report files have finished loading', async () => {
    let releaseReports: () => void = () => {};
    const reportsHeld = new Promise<void>((r) => {
      releaseReports = r;
    });
    const events: string[] = [];
    const read = async (url: string) => {
      if (url.endsWith('reports.geojson')) {
        await reportsHeld;
        events.push('reports read');
      }
      return readLocal(url);
    };
    const done = loadDataset(repoUrl('tests/fixtures/mini/dataset.json'), read, undefined, {
      onBase: (base) => {
        events.push(
          `base: ${base.zones.length} zones, ${base.places.length} places, ${base.reports.length} reports`,
        );
        releaseReports();
      },
    });
    const { dataset } = await done;
    expect(events).toEqual(['base: 2 zones, 1 places, 0 reports', 'reports read']);
    expect(dataset?.reports).toHaveLength(2);
  });
});
