/**
 * The message catalogs (src/i18n/locales/<lang>/<part>.json): every language has every part and
 * every key the others have, each message is valid ICU MessageFormat with the same placeholders
 * in every language, and every message id the code names exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { UI_LANGS } from '../../../src/lib/lang';

const ROOT = new URL('../../../', import.meta.url).pathname;
const LOCALES = join(ROOT, 'src/i18n/locales');

type Catalog = Record<string, string>;
const read = (lang: string, part: string): Catalog =>
  JSON.parse(readFileSync(join(LOCALES, lang, `${part}.json`), 'utf8'));
const partsOf = (lang: string) =>
  readdirSync(join(LOCALES, lang))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

/** The placeholder names an ICU message uses ({name}, {n, plural, …}), sorted, once each. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!Array.isArray(node)) return;
    for (const part of node) {
      if (!Array.isArray(part)) continue;
      if (typeof part[0] === 'string' && part.length >= 1 && part.length <= 3) {
        names.add(part[0]);
        const cases = part[2];
        if (cases && typeof cases === 'object')
          for (const c of Object.values(cases as Record<string, unknown>)) walk(c);
      } else walk(part);
    }
  };
  walk(compileMessage(message));
  return [...names].sort();
}

/** Ids the code passes as a literal to t() (or `tr`, its alias where `t` is a time). */
function idsUsedInCode(): { id: string; file: string }[] {
  const out: { id: string; file: string }[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(e.name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(?:t|tr)\(\s*'([a-zA-Z0-9_.-]+)'/g))
          out.push({ id: m[1], file: relative(ROOT, path) });
      }
    }
  };
  visit(join(ROOT, 'src'));
  return out;
}

describe('message catalogs', () => {
  const [first, ...others] = UI_LANGS;

  it('exist for every interface language, with the same parts', () => {
    for (const lang of others) expect(partsOf(lang), lang).toEqual(partsOf(first));
  });

  for (const part of partsOf(first))
    it(`"${part}": every language has every key the others have, with the same placeholders`, () => {
      const catalogs = UI_LANGS.map((lang) => ({ lang, messages: read(lang, part) }));
      const allKeys = new Set(catalogs.flatMap((c) => Object.keys(c.messages)));
      for (const { lang, messages } of catalogs) {
        const missing = [...allKeys].filter((k) => !(k in messages));
        expect(missing, `${lang}/${part}.json lacks`).toEqual([]);
      }
      for (const key of allKeys) {
        const [base, ...rest] = catalogs.map((c) => placeholders(c.messages[key]));
        for (const [i, names] of rest.entries())
          expect(names, `${catalogs[i + 1].lang}/${part}.json "${key}"`).toEqual(base);
      }
    });

  it('hold every message id the code names', () => {
    const known = new Set(partsOf(first).flatMap((part) => Object.keys(read(first, part))));
    const used = idsUsedInCode();
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((u) => !known.has(u.id))).toEqual([]);
  });
});

describe('the checks above', () => {
  it('see a placeholder missing from a translation, and a plural’s variable', () => {
    expect(placeholders('Loading… {done, number} of {total} files')).toEqual(['done', 'total']);
    expect(placeholders('{n, plural, one {# file in {where}} other {# files}}')).toEqual([
      'n',
      'where',
    ]);
    expect(placeholders('لا شيء')).toEqual([]);
  });
});
