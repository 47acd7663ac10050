/**
 * The interface language: English or Arabic, chosen by `?lang=en|ar`, else by the browser's
 * languages. Pure (no DOM): main.tsx applies it to the document, share-links.ts keeps it in
 * links and embed code, time.ts and the exports format dates and numbers with it.
 */

export const UI_LANGS = ['en', 'ar'] as const;
export type UiLang = (typeof UI_LANGS)[number];

/** The writing direction of a language: Arabic is right to left. */
export function dirOf(lang: UiLang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

// The locale Intl formats dates and numbers with, per language: defined beside the formatters
// (time.ts, a chunk the loading code shares) and named here too.
export { FORMAT_LOCALE } from './time';

const asLang = (s: string | null | undefined): UiLang | null => {
  const primary = (s ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return UI_LANGS.find((l) => l === primary) ?? null;
};

/**
 * The language to show: `?lang=` when it names one we have, else the first of the browser's
 * languages we have (`navigator.languages`, most preferred first), else English.
 */
export function langFrom(pageUrl: string, browserLanguages: readonly string[] = []): UiLang {
  const asked = asLang(new URL(pageUrl).searchParams.get('lang'));
  if (asked) return asked;
  for (const l of browserLanguages) {
    const found = asLang(l);
    if (found) return found;
  }
  return 'en';
}

/** The `?lang=` a page URL carries, if it names a language we have (kept in shared links). */
export function langParam(pageUrl: string): UiLang | null {
  return asLang(new URL(pageUrl).searchParams.get('lang'));
}

/** The page URL in the other language (its other parameters and the hash kept). */
export function urlInLang(pageUrl: string, lang: UiLang): string {
  const url = new URL(pageUrl);
  url.searchParams.set('lang', lang);
  return url.href;
}

/**
 * The language of the dataset's own prose: report titles, the manifest's title, description and
 * faction labels are written in English (docs/data.md); a report's text carries its own `lang`,
 * and its `text_en` is English. The page marks them so in an Arabic interface.
 */
export const DATA_LANG = 'en';
