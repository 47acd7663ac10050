/**
 * Every file in tests/fixtures/bad/ must fail (or warn) the way tests/fixtures/bad/expected.json
 * says, with a located, explained problem; every file in tests/fixtures/good/ must pass. Hostile
 * inputs too large or too odd to keep in git are generated here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import type { Problem } from '../../../src/data/problems';
import type { LayerKind } from '../../../src/data/types';
import { contextOf, type ValidationContext } from '../../../src/data/validate/validate';
import { validateLayerText } from '../../../src/data/validate/validate-text';
import { readLocal, repoUrl } from '../read-local';

interface Expectation {
  kind: LayerKind;
  property: string | null;
  message: string;
  /** "warning": the file is accepted, with this warning. Default: the first error. */
  severity?: 'warning';
}

const dir = (name: string) => new URL(`../../fixtures/${name}/`, import.meta.url);
const read = (folder: string, file: string) => readFileSync(new URL(file, dir(folder)), 'utf8');
const expected: Record<string, Expectation> = JSON.parse(read('bad', 'expected.json'));
const badFiles = readdirSync(dir('bad')).filter((f) => f !== 'expected.json');
const goodFiles = readdirSync(dir('good'));
const kindOf = (file: string): LayerKind =>
  file.startsWith('report') ? 'reports' : file.startsWith('place') ? 'places' : 'zones';

let ctx: ValidationContext;
beforeAll(async () => {
  const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
    // Context only: topology (CI's npm run validate, dataset-content) is not what this tests.
    topology: false,
  });
  if (!dataset) throw new Error('data/dataset.json did not load');
  ctx = contextOf(dataset.manifest, dataset.posts);
});

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/** Every problem names its file, a line and column, what is wrong and how to fix it. */
function expectWellFormed(problems: Problem[], file: string) {
  for (const p of problems) {
    expect(p.file, JSON.stringify(p)).toBe(file);
    expect(p.message.trim(), JSON.stringify(p)).not.toBe('');
    expect(p.fix?.trim(), JSON.stringify(p)).toBeTruthy();
    expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
    expect(p.column, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
  }
}

describe('tests/fixtures/bad', () => {
  it('lists every file, and holds at least 45', () => {
    expect(Object.keys(expected).sort()).toEqual([...badFiles].sort());
    expect(badFiles.length).toBeGreaterThanOrEqual(45);
  });

  it.each(Object.entries(expected))('%s', (file, want) => {
    const text = read('bad', file);
    const { features, problems } = validateLayerText(want.kind, text, file, ctx);
    expectWellFormed(problems, file);
    const errors = errorsOf(problems);
    const match = {
      ...(want.property === null ? {} : { property: want.property }),
      message: expect.stringMatching(new RegExp(want.message)),
    };
    if (want.severity === 'warning') {
      expect(errors).toEqual([]);
      expect(features).toHaveLength(1);
      expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', ...match }));
    } else {
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors).toContainEqual(expect.objectContaining(match));
      if (want.property === null)
        expect(
          errors.some((e) => e.property === undefined && match.message.asymmetricMatch(e.message)),
        ).toBe(true);
      // A one-report file with an error yields no report.
      if (/^\uFEFF?\{\s*"type": "Feature"/.test(text)) expect(features).toEqual([]);
    }
  });
});

describe('tests/fixtures/good', () => {
  it('holds a file with a UTF-8 byte order mark', () => {
    expect(goodFiles.some((f) => read('good', f).startsWith('\uFEFF'))).toBe(true);
  });

  it.each(goodFiles)('%s passes with no errors', (file) => {
    const { features, problems } = validateLayerText(kindOf(file), read('good', file), file, ctx);
    expectWellFormed(problems, file);
    expect(errorsOf(problems)).toEqual([]);
    expect(features.length).toBeGreaterThanOrEqual(1);
  });
});

/** 1-based line and column of the nth occurrence of `needle` in `text`. */
function lineColumnOf(text: string, needle: string, nth = 1) {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

const goodReport = () => read('good', 'report-plain.geojson');
const report = (id: string, i: number) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [36 + (i % 1000) / 500, 35 + (i % 997) / 499] },
  properties: {
    reported_at: '2015-10-23T23:34:00Z',
    title: `Report ${i}`,
    text: 'Fighting was reported around the village overnight; the claim could not be checked. '.repeat(
      3,
    ),
    lang: 'en',
    source_url: `https://www.example.org/report/${i}`,
    status: 'unconfirmed',
    category: 'armed-clash',
    post: 'interpreter-2015-10-23',
  },
});

describe('generated hostile input', () => {
  const run = (text: string, kind: LayerKind = 'reports', file = 'hostile.geojson') => {
    const r = validateLayerText(kind, text, file, ctx);
    expectWellFormed(r.problems, file);
    return r;
  };

  it('an unclosed 100 000-deep array is a syntax error, not a crash', () => {
    const r = run('['.repeat(100_000));
    expect(r.features).toEqual([]);
    expect(errorsOf(r.problems)[0].message).toMatch(/is not valid JSON/);
  });

  it('a closed 100 000-deep array or object is reported as too deep', () => {
    for (const text of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    ]) {
      const r = run(text);
      expect(r.features).toEqual([]);
      expect(errorsOf(r.problems).map((p) => p.message)).toContain('is nested too deeply to check');
    }
  });

  it('deep nesting inside a property, the coordinates or the bbox rejects the feature', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const good = goodReport();
    for (const text of [
      good.replace('"status": "unconfirmed"', `"status": "unconfirmed", "extra": ${deep}`),
      good.replace(/\[\s*37\.1,\s*36\.1\s*\]/, deep),
      good.replace('"type": "Feature",', `"type": "Feature", "bbox": ${deep},`),
    ]) {
      expect(text).not.toBe(good);
      const r = run(text);
      expect(r.features).toEqual([]);
      expect(errorsOf(r.problems).length).toBeGreaterThan(0);
    }
  });

  it('a deeply nested GeometryCollection is an error, not a stack overflow', () => {
    const depth = 20_000;
    const nested = `${'{"type":"GeometryCollection","geometries":['.repeat(depth)}${']}'.repeat(depth)}`;
    for (const kind of ['reports', 'places', 'zones'] as const) {
      const text = goodReport().replace(/\{\s*"type": "Point",[^}]*\}/, nested);
      expect(text).toContain('GeometryCollection');
      const r = run(text, kind);
      expect(r.features).toEqual([]);
      expect(errorsOf(r.problems).some((p) => p.property === 'geometry')).toBe(true);
    }
  });

  it('a duplicate key in a one-report file rejects that report', () => {
    const text = goodReport().replace('"title":', '"title": "Other title",\n    "title":');
    const r = run(text);
    const at = lineColumnOf(text, '"title"', 2);
    expect(errorsOf(r.problems)).toEqual([expect.objectContaining({ property: 'title', ...at })]);
    expect(r.features).toEqual([]);
  });

  it('a duplicate key in the second feature rejects only that feature', () => {
    const [a, b] = [report('a', 1), report('b', 2)];
    const text = JSON.stringify({ type: 'FeatureCollection', features: [a, b] }, null, 1).replace(
      '"title": "Report 2"',
      '"title": "x", "title": "Report 2"',
    );
    const r = run(text);
    expect(errorsOf(r.problems)).toEqual([expect.objectContaining({ property: 'title' })]);
    expect(r.features.map((f) => f.id)).toEqual(['a']);
  });

  it('a duplicate key in the collection itself keeps no feature, since the file is ambiguous', () => {
    const [a, b] = [JSON.stringify(report('a', 1)), JSON.stringify(report('b', 2))];
    for (const text of [
      `{"type":"FeatureCollection","type":"FeatureCollection","features":[${a},${b}]}`,
      `{"type":"FeatureCollection","features":[${a}],"features":[${b}]}`,
      `{"type":"FeatureCollection","features":[${a},${b}],"type":"FeatureCollection"}`,
    ]) {
      const r = run(text);
      expect(errorsOf(r.problems)).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/appears twice/) }),
      ]);
      expect(r.features).toEqual([]);
    }
  });

  it('a byte order mark does not shift columns', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ ...report('a', 1), properties: { ...report('a', 1).properties, status: 'x' } }],
    });
    const plain = errorsOf(run(text).problems);
    const withBom = errorsOf(run(`\uFEFF${text}`).problems);
    expect(plain).toEqual([expect.objectContaining({ property: 'status', line: 1 })]);
    expect(text.slice(plain[0].column! - 1).startsWith('"status"')).toBe(true);
    expect(withBom).toEqual(plain);
  });

  it('property names that exist on Object.prototype are still unknown properties', () => {
    const text = goodReport().replace(
      '"status": "unconfirmed"',
      '"status": "unconfirmed", "toString": "x", "constructor": 1, "__proto__": {"a": 1}',
    );
    const r = run(text);
    expect(r.features).toHaveLength(1);
    const unknown = r.problems
      .filter((p) => p.message === 'is not a known property')
      .map((p) => p.property);
    expect(unknown.sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('NaN and Infinity coordinates are JSON syntax errors, located', () => {
    for (const word of ['NaN', '-Infinity']) {
      const text = goodReport().replace('37.1,', `${word},`);
      const r = run(text);
      expect(r.features).toEqual([]);
      expect(errorsOf(r.problems)).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/not valid JSON/),
          ...lineColumnOf(text, word),
        }),
      ]);
    }
  });

  it('validates a generated 20 MB collection, keeping every feature', () => {
    const features = [];
    let size = 0;
    for (let i = 0; size < 20.5e6; i++) {
      const f = report(`r-${i}`, i);
      size += JSON.stringify(f).length + 2;
      features.push(f);
    }
    // One bad feature at the end, to show the whole file is read.
    features.push({ ...report('bad-last', 0), geometry: { type: 'Point', coordinates: [200, 0] } });
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    expect(text.length).toBeGreaterThan(20e6);
    const r = run(text);
    expect(r.features).toHaveLength(features.length - 1);
    expect(errorsOf(r.problems)).toEqual([
      expect.objectContaining({ featureId: 'bad-last', property: 'geometry', line: 1 }),
    ]);
  }, 30_000);

  it('a single report of 20 MB is over the one-report limit, and 51 MB is over the file limit', () => {
    const big = goodReport().replace('"text": "', `"text": "${'x'.repeat(20e6)}`);
    const r = run(big);
    expect(r.features).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/one report file may hold/) }),
    ]);
    const huge = run(' '.repeat(51e6));
    expect(huge.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/over the 50\.0 MB limit/) }),
    ]);
  });
});
