import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_DEPTH, type ScanResult, scanJson } from '../../../src/data/validate/json-scan';

/** The scan as it was first written, on jsonc-parser's visitor: the oracle for the fast one. */
function scanWithVisitor(text: string): ScanResult {
  const featureOffsets: number[] = [];
  const featureEnds: number[] = [];
  const duplicateKeys: { offset: number; key: string }[] = [];
  type Frame = { kind: 'object'; keys: string[]; key: string | null } | { kind: 'array' };
  const stack: Frame[] = [];
  const inFeatures = () =>
    stack.length === 2 &&
    stack[1].kind === 'array' &&
    stack[0].kind === 'object' &&
    stack[0].key === 'features';
  visit(text, {
    onObjectBegin: (o) => {
      if (inFeatures()) featureOffsets.push(o);
      stack.push({ kind: 'object', keys: [], key: null });
    },
    onObjectEnd: (o, l) => {
      stack.pop();
      if (inFeatures()) featureEnds.push(o + l);
    },
    onArrayBegin: (o) => {
      if (inFeatures()) featureOffsets.push(o);
      stack.push({ kind: 'array' });
    },
    onArrayEnd: (o, l) => {
      stack.pop();
      if (inFeatures()) featureEnds.push(o + l);
    },
    onLiteralValue: (_v, o, l) => {
      if (inFeatures()) {
        featureOffsets.push(o);
        featureEnds.push(o + l);
      }
    },
    onObjectProperty: (key, o) => {
      const f = stack[stack.length - 1];
      if (f?.kind !== 'object') return;
      if (f.keys.includes(key)) duplicateKeys.push({ offset: o, key });
      else f.keys.push(key);
      f.key = key;
    },
  });
  return { featureOffsets, featureEnds, duplicateKeys };
}

const root = resolve(import.meta.dirname, '../../..');
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return /\.(geo)?json$/.test(f) ? [p] : [];
  });
}

describe('scanJson', () => {
  it('finds what the visitor found in every parseable data file and fixture', () => {
    let n = 0;
    for (const file of [
      ...jsonFiles(join(root, 'data')),
      ...jsonFiles(join(root, 'tests/fixtures')),
    ]) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      try {
        JSON.parse(text);
      } catch {
        continue;
      }
      expect(scanJson(text), file).toEqual(scanWithVisitor(text));
      n++;
    }
    expect(n).toBeGreaterThan(50);
  });

  it('reads escaped keys and strings, literals and nested arrays as the visitor does', () => {
    for (const text of [
      '{"a":1,"\\u0061":2}',
      '{"features":["x\\"y\\\\",1.5e-3,true,null,{"k":"v","k":2},[1,[2]]]}',
      '{ "type" : "FeatureCollection" , "features" : [ {"id":"a\\\\"} ,\n {"id" : -1 } ] }',
      '{"features":{"features":[1]}}',
      '[{"features":[1]}]',
    ])
      expect(scanJson(text), text).toEqual(scanWithVisitor(text));
  });

  it('stops at absurd nesting and says so', () => {
    const deep = `${'['.repeat(MAX_SCAN_DEPTH + 1)}${']'.repeat(MAX_SCAN_DEPTH + 1)}`;
    expect(scanJson(deep).tooDeep).toBe(true);
    expect(scanJson(`${'['.repeat(MAX_SCAN_DEPTH)}${']'.repeat(MAX_SCAN_DEPTH)}`).tooDeep).toBe(
      undefined,
    );
  });
});
