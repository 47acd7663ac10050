/**
 * checkUniqueIds, beyond every-rule.test.ts's one case: an id in three files names the first file
 * each time, an id twice in one file is caught too, and each problem is a located error with
 * advice. Found missing by mutation testing (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { checkUniqueIds } from '../../../src/data/validate/validate-dataset';

const at = (id: string, file: string) => ({ feature: { id }, file });

describe('checkUniqueIds', () => {
  it('names the first file for every later use of an id, as an error with advice', () => {
    const problems = checkUniqueIds([
      at('x', 'a.geojson'),
      at('y', 'a.geojson'),
      at('x', 'b.geojson'),
      at('x', 'c.geojson'),
      at('y', 'a.geojson'),
    ]);
    const fix = 'give each feature an id of its own (for a report: the file name without .geojson)';
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'b.geojson',
        featureId: 'x',
        property: 'id',
        message: 'is also used in a.geojson',
        fix,
      },
      {
        severity: 'error',
        file: 'c.geojson',
        featureId: 'x',
        property: 'id',
        message: 'is also used in a.geojson',
        fix,
      },
      {
        severity: 'error',
        file: 'a.geojson',
        featureId: 'y',
        property: 'id',
        message: 'is also used in a.geojson',
        fix,
      },
    ]);
  });

  it('finds nothing when every id is its own', () => {
    expect(
      checkUniqueIds([at('x', 'a.geojson'), at('y', 'a.geojson'), at('z', 'b.geojson')]),
    ).toEqual([]);
    expect(checkUniqueIds([])).toEqual([]);
  });
});
