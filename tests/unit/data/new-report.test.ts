import { describe, expect, it } from 'vitest';
import { fixLayer } from '../../../src/data/fix';
import { loadDataset } from '../../../src/data/load/load';
import { reportFileText, slugify } from '../../../src/data/new-report';
import { parseJson } from '../../../src/data/validate/parse-json';
import { contextOf } from '../../../src/data/validate/validate';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { readLocal, repoUrl } from '../read-local';

const draft = {
  lon: 37.05139,
  lat: 36.11777,
  place: 'khan-tuman',
  reported_at: '2015-10-23T23:34:00Z',
  title: 'Ḥaraka: TOW strike near Khan Ṭūmān!',
  text: 'نص',
  text_en: 'Text',
  lang: 'ar',
  source_url: 'https://example.org/post',
  status: 'unconfirmed' as const,
  category: 'shelling-artillery-missile',
  post: 'interpreter-2015-10-23',
  translator: ' ',
};

describe('a new report file', () => {
  it('is named by date and an ASCII slug of its title', () => {
    expect(slugify('Ḥaraka: TOW strike near Khan Ṭūmān!')).toBe(
      'haraka-tow-strike-near-khan-tuman',
    );
    expect(slugify('تقرير')).toBe('');
    const { id, path } = reportFileText(draft);
    expect(id).toBe('2015-10-23-haraka-tow-strike-near-khan-tuman');
    expect(path).toBe('reports/2015/2015-10-23-haraka-tow-strike-near-khan-tuman.geojson');
    expect(reportFileText({ ...draft, title: 'تقرير' }).id).toBe('2015-10-23-khan-tuman');
  });

  it('passes the validator in the dataset context, drops empty optionals, and is already --fix clean', async () => {
    const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
      // Context only: topology (CI's npm run validate, dataset-content) is not what this tests.
      topology: false,
    });
    const { text, path } = reportFileText(draft);
    const r = validateLayerText(
      'reports',
      text,
      path,
      contextOf(dataset!.manifest, dataset!.posts),
    );
    expect(r.problems).toEqual([]);
    expect(r.features).toHaveLength(1);
    expect(r.features[0].properties).not.toHaveProperty('translator');
    expect(fixLayer(parseJson(text, path).value as never, 'reports')).toBe(text);
  });
});
