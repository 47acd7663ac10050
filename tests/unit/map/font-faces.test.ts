/**
 * The label fonts (src/map/font-faces.ts): each face claims only code points its file holds (as
 * fontsource states them in unicode.json), and every letter of the bundled labels (places and
 * the basemap's towns) is claimed by a face. A letter outside them is drawn from the machine's
 * own fonts: other letters on other machines, and a font lookup that held the page up to 470 ms.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACE_RANGES } from '../../../src/map/font-faces';

const ROOT = resolve(import.meta.dirname, '../../..');
const json = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));

type Range = [number, number];
const parse = (ranges: readonly string[] | string): Range[] =>
  (typeof ranges === 'string' ? ranges.split(',') : ranges).map((r) => {
    const [a, b] = r.replace('U+', '').split('-');
    return [Number.parseInt(a, 16), Number.parseInt(b ?? a, 16)];
  });
const covers = (ranges: Range[], cp: number) => ranges.some(([a, b]) => a <= cp && cp <= b);

/** The file behind each face: package and fontsource subset (src/map/fonts.ts). */
const FILES = {
  latin: ['noto-sans', 'latin'],
  latinExt: ['noto-sans', 'latin-ext'],
  arabic: ['noto-sans-arabic', 'arabic'],
  marks: ['noto-sans-arabic', 'math'],
} as const;

/** Letters of the bundled labels no bundled file has, each with where it is used. */
const NOT_BUNDLED: Record<number, string> = {
  817: 'combining macron below, in the basemap town "H̱olon" (Israel, outside the default view)',
};

describe('label fonts', () => {
  it('claim, face by face, only what their file holds', () => {
    for (const [face, [pkg, subset]] of Object.entries(FILES)) {
      const holds = parse(json(`node_modules/@fontsource/${pkg}/unicode.json`)[subset]);
      for (const [a, b] of parse(FACE_RANGES[face as keyof typeof FILES]))
        for (let cp = a; cp <= b; cp++)
          expect(covers(holds, cp), `${face}: U+${cp.toString(16)}`).toBe(true);
    }
  });

  it('draw every letter of the bundled place and town labels', () => {
    const claimed = Object.values(FACE_RANGES).flatMap((r) => parse(r));
    const labels = [
      ...json('data/layers/places.geojson').features.flatMap(
        (f: { properties: { name: string; name_ar?: string } }) => [
          f.properties.name,
          f.properties.name_ar ?? '',
        ],
      ),
      ...json('data/basemap/towns.geojson').features.map(
        (f: { properties: { name: string } }) => f.properties.name,
      ),
    ];
    const missing = new Set<number>();
    for (const text of labels)
      for (const ch of text) {
        const cp = ch.codePointAt(0) as number;
        if (!covers(claimed, cp) && !(cp in NOT_BUNDLED)) missing.add(cp);
      }
    expect([...missing].map((cp) => `U+${cp.toString(16)}`)).toEqual([]);
    // Used, so the faces load: ā (latin-ext) and the combining cedilla (marks).
    expect(labels.some((l) => l.includes('ā'))).toBe(true);
    expect(labels.some((l) => l.includes('\u0327'))).toBe(true);
  });
});
