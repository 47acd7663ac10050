/**
 * Finding a place by any of its names, in any script: "Khan Touman", "khan tuman", "Ḩamāh",
 * "خان طومان". Names are folded to a search key (case, diacritics, Arabic letter variants and
 * vowel marks, punctuation and the article removed), then matched by prefix, word prefix or
 * substring, best first. Pure: used by the search box and the tests.
 */
import type { Place, Report } from './types';

/** Arabic vowel marks (harakat), tatweel and Quranic marks: dropped. */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
};

/** The search key of a name: what two spellings of one name have in common. */
export function searchKey(name: string): string {
  const latin = name
    .normalize('NFD')
    // Decomposed, every combining mark goes: Latin accents, Arabic vowel marks and the hamza
    // or madda that NFD splits off alef, waw and ya.
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Transliteration variants of one sound: ou/u (Touman/Tuman), ee/i, kh stays.
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/['‘’ʿʾ`]/g, '');
  const arabic = latin.replace(ARABIC_MARKS, '').replace(/[أإآٱىئؤة]/g, (c) => ARABIC_FOLD[c] ?? c);
  return (
    arabic
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      // The article: "al-Bab" = "Bab", "ال" before an Arabic word.
      .replace(/(^| )(al|el|ad|ar|as|ash|at|az|an) (?=\p{L})/gu, '$1')
      .replace(/(^| )ال(?=\p{L})/gu, '$1')
      .replace(/ +/g, ' ')
      .trim()
  );
}

export interface PlaceMatch {
  place: Place;
  /** The name or alias that matched, as written in the data. */
  matched: string;
  score: number;
}

/** The best-matching name for the search key q: 4 whole, 3 prefix, 2 word prefix, 1 inside. */
function bestName(names: readonly string[], q: string): { matched: string; score: number } | null {
  let best: { matched: string; score: number } | null = null;
  for (const name of names) {
    const key = searchKey(name);
    const score =
      key === q
        ? 4
        : key.startsWith(q)
          ? 3
          : ` ${key}`.includes(` ${q}`)
            ? 2
            : key.includes(q)
              ? 1
              : 0;
    if (score > (best?.score ?? 0)) best = { matched: name, score };
  }
  return best;
}

export interface UnplacedMatch {
  /** The name as the report gives it. */
  name: string;
  /** The report that names it. */
  report: Report;
  score: number;
}

/**
 * Names that reports give but no source can position (`unplaced_names`), matching the query,
 * best first: the search box lists them as "position not known" and leads to the report.
 */
export function searchUnplaced(
  reports: readonly Report[],
  query: string,
  limit = 4,
): UnplacedMatch[] {
  const q = searchKey(query);
  if (!q) return [];
  const out: UnplacedMatch[] = [];
  for (const report of reports)
    for (const name of report.properties.unplaced_names ?? []) {
      const best = bestName([name], q);
      if (best) out.push({ name, report, score: best.score });
    }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

/** Places whose name, Arabic name or an alias matches the query, best first (at most `limit`). */
export function searchPlaces(places: readonly Place[], query: string, limit = 8): PlaceMatch[] {
  const q = searchKey(query);
  if (!q) return [];
  const out: PlaceMatch[] = [];
  for (const place of places) {
    const p = place.properties;
    const best = bestName([p.name, p.name_ar, ...p.aliases], q);
    if (best) out.push({ place, ...best });
  }
  return out
    .sort(
      (a, b) => b.score - a.score || a.place.properties.name.localeCompare(b.place.properties.name),
    )
    .slice(0, limit);
}
