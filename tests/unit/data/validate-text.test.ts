/**
 * validateLayerText's own decisions (the rules themselves: every-rule.test.ts, bad-files.test.ts):
 * the size limits at their exact boundary, which features a duplicate key drops, and where a
 * problem of a later feature is located. Found missing by mutation testing (docs/testing.md).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import {
  contextOf,
  MAX_LAYER_BYTES,
  MAX_SINGLE_FEATURE_BYTES,
  type ValidationContext,
} from '../../../src/data/validate/validate';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { readLocal, repoUrl } from '../read-local';

let ctx: ValidationContext;
beforeAll(async () => {
  const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
    topology: false,
  });
  if (!dataset) throw new Error('data/dataset.json did not load');
  ctx = contextOf(dataset.manifest, dataset.posts);
});

const goodReport = readFileSync(
  new URL('../../fixtures/good/report-plain.geojson', import.meta.url),
  'utf8',
);
const feature = (id: string, status: string) => {
  const f = JSON.parse(goodReport);
  return { ...f, id, properties: { ...f.properties, status } };
};
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features }, null, 1);

/** 1-based line and column of the nth occurrence of needle. */
function lineColumnOf(text: string, needle: string, nth: number) {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('validateLayerText', () => {
  it('refuses a file over the size limit unread, with an error and no features', () => {
    // Not tested: a file of exactly 50 MB is read (> vs >=), which takes half a minute here.
    const over = validateLayerText('reports', ' '.repeat(MAX_LAYER_BYTES + 1), 'big.geojson', ctx);
    expect(over.features).toEqual([]);
    expect(over.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 1,
        column: 1,
        message: 'is 50.0 MB, over the 50.0 MB limit for one file',
      }),
    ]);
  });

  it('refuses a one-report file over its own limit, with an error', () => {
    const at = goodReport + ' '.repeat(MAX_SINGLE_FEATURE_BYTES - goodReport.length);
    expect(validateLayerText('reports', at, 'r.geojson', ctx).features).toHaveLength(1);
    const over = validateLayerText('reports', `${at} `, 'r.geojson', ctx);
    expect(over.features).toEqual([]);
    expect(over.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^is 1.0 MB;/) }),
    ]);
  });

  it('a duplicate key in the first feature rejects only that feature', () => {
    const text = collection(feature('a', 'confirmed'), feature('b', 'confirmed')).replace(
      '"status": "confirmed"',
      '"status": "claimed", "status": "confirmed"',
    );
    const r = validateLayerText('reports', text, 'r.geojson', ctx);
    expect(r.problems).toEqual([
      expect.objectContaining({ property: 'status', ...lineColumnOf(text, '"status"', 2) }),
    ]);
    expect(r.features.map((f) => f.id)).toEqual(['b']);
  });

  it("locates a later feature's problem at its own property, not an earlier one's", () => {
    const text = collection(
      feature('a', 'confirmed'),
      feature('b', 'confirmed'),
      feature('c', 'rumoured'),
      feature('d', 'confirmed'),
    );
    const r = validateLayerText('reports', text, 'r.geojson', ctx);
    expect(r.problems).toEqual([
      expect.objectContaining({ property: 'status', ...lineColumnOf(text, '"status"', 3) }),
    ]);
  });
});
