/**
 * The interface's strings: message catalogs in ICU MessageFormat, one folder per language
 * (src/i18n/locales/<lang>/), read by Lingui's runtime (@lingui/core). A language's catalog is
 * cut in parts that load with the code that shows them: `app` (what opens the map) at boot, the
 * others (`popup`, `share`, `changes`, `draft`, `check`, …) with their lazy chunk, so the start JavaScript stays in its budget
 * (tests/e2e/app.test.ts). English `app` is in the main chunk; every other file is a chunk
 * fetched only for the chosen language. The build compiles the catalogs (vite.config.ts,
 * `linguiCatalogs`), so the runtime ships no message parser. The language is chosen once per
 * page load (?lang=, else the browser's): changing it loads the page again.
 */
import { i18n, type Messages } from '@lingui/core';
import { FORMAT_LOCALE, type UiLang } from '../lib/lang';
import enApp from './locales/en/app.json';
import type enPopup from './locales/en/popup.json';
import type enCompare from './locales/en/compare.json';
import type enShare from './locales/en/share.json';
import type enChanges from './locales/en/changes.json';
import type enCheck from './locales/en/check.json';
import type enDraft from './locales/en/draft.json';

/** The parts a catalog is cut in; each lazy part is loaded by the code that needs it. */
export type CatalogPart = 'app' | 'changes' | 'check' | 'compare' | 'draft' | 'popup' | 'share';

/** Every message id: the English catalog's keys (a test checks the others have the same). */
export type MessageId =
  | keyof typeof enApp
  | keyof typeof enChanges
  | keyof typeof enCheck
  | keyof typeof enDraft
  | keyof typeof enCompare
  | keyof typeof enPopup
  | keyof typeof enShare;
export type MessageValues = Record<string, string | number>;

const LAZY = import.meta.glob<{ default: Messages }>([
  './locales/*/*.json',
  '!./locales/en/app.json',
]);

let current: UiLang = 'en';
let active = false;
const loaded = new Map<string, Promise<void>>();

function fetchPart(lang: UiLang, part: CatalogPart): Promise<Messages> {
  if (lang === 'en' && part === 'app') return Promise.resolve(enApp as unknown as Messages);
  const load = LAZY[`./locales/${lang}/${part}.json`];
  if (!load) return Promise.reject(new Error(`No catalog ${lang}/${part}`));
  return load().then((m) => m.default);
}

/** Fetches the language's `app` catalog and makes it the one `t` reads. */
export async function activateLanguage(lang: UiLang): Promise<void> {
  const messages = await fetchPart(lang, 'app');
  // Plurals and `{n, number}` follow the formatting locale (Arabic-Indic digits for ar-SY).
  i18n.loadAndActivate({ locale: lang, locales: [FORMAT_LOCALE[lang]], messages });
  current = lang;
  active = true;
  loaded.set('app', Promise.resolve());
}

/** Adds a lazy part of the active language's catalog (once); the code that needs it awaits it. */
export function loadMessages(part: CatalogPart): Promise<void> {
  let p = loaded.get(part);
  if (!p) {
    p = fetchPart(current, part).then((m) => i18n.load(current, m));
    loaded.set(part, p);
  }
  return p;
}

/** Whether a catalog is active (before that, `t` answers with the message id). */
export function languageReady(): boolean {
  return active;
}

/** The active interface language. */
export function uiLang(): UiLang {
  return current;
}

/** The message `id` in the active language, with `values` put in its placeholders. */
export function t(id: MessageId, values?: MessageValues): string {
  return i18n._(id, values);
}
