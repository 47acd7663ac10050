/**
 * Links to a moment of the map and the embed code for it: pure functions of the page URL and the
 * state (no DOM), shared by the Share dialog and the tests.
 */
import type { PinWindow } from '../data/filter/pin-window';
import type { ReportFilter } from '../data/filter/report-filter';
import type { LayerKind, LonLat } from '../data/types';
import { formatHash } from '../state/url';
import { langParam, type UiLang } from './lang';

/** How an embedded map behaves: time fixed with no slider, or a compact slider to replay. */
export type EmbedMode = 'locked' | 'replayable';
export const EMBED_MODES: readonly EmbedMode[] = ['locked', 'replayable'];

export interface Moment {
  /** Epoch ms. */
  t: number;
  center: LonLat;
  zoom: number;
  layers: readonly LayerKind[];
  /** Which reports are shown, and the pins' window (both optional: all). */
  filter?: ReportFilter;
  window?: PinWindow;
}

/** `?embed=locked|replayable` on the page URL, or null for the full app. */
export function embedModeFrom(pageUrl: string): EmbedMode | null {
  const asked = new URL(pageUrl).searchParams.get('embed');
  return EMBED_MODES.find((m) => m === asked) ?? null;
}

/**
 * The page URL with only the parameters that describe the dataset (`dataset`) and the interface
 * language (`lang`, or the one given) kept, `embed` set (or removed with null) and the hash
 * describing the moment.
 */
function pageWith(
  pageUrl: string,
  moment: Moment,
  embed: EmbedMode | null,
  lang: UiLang | null = langParam(pageUrl),
): string {
  const url = new URL(pageUrl);
  const dataset = url.searchParams.get('dataset');
  url.search = '';
  if (dataset) url.searchParams.set('dataset', dataset);
  if (lang) url.searchParams.set('lang', lang);
  if (embed) url.searchParams.set('embed', embed);
  url.hash = formatHash({ ...moment, layers: [...moment.layers] });
  return url.href;
}

/** A link to the full app at this moment (time, view, layers); the page's `?lang=` is kept. */
export function momentLink(pageUrl: string, moment: Moment): string {
  return pageWith(pageUrl, moment, null);
}

/**
 * The URL an `<iframe>` loads to show this moment embedded, in the interface language `lang`
 * (the Share dialog passes its own: an Arabic article's embed stays Arabic for every reader).
 */
export function embedUrl(
  pageUrl: string,
  moment: Moment,
  mode: EmbedMode,
  lang: UiLang | null = langParam(pageUrl),
): string {
  return pageWith(pageUrl, moment, mode, lang);
}

export interface EmbedOptions {
  /** What the iframe loads (embedUrl). */
  src: string;
  /** CSS px. */
  width: number;
  height: number;
  /** The iframe's accessible name. */
  title: string;
}

/** Smallest and largest embed sizes the embedded layout is made for, CSS px. */
export const EMBED_MIN = { width: 300, height: 250 } as const;
export const EMBED_MAX = { width: 1280, height: 800 } as const;

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const clampSize = (n: number, lo: number, hi: number) =>
  Math.round(Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo)));

/**
 * The HTML to paste into an article: one `<iframe>` with width, height, title,
 * `loading="lazy"` and `allowfullscreen`; sizes are clamped to EMBED_MIN..EMBED_MAX.
 */
export function embedCode(o: EmbedOptions): string {
  const width = clampSize(o.width, EMBED_MIN.width, EMBED_MAX.width);
  const height = clampSize(o.height, EMBED_MIN.height, EMBED_MAX.height);
  return (
    `<iframe src="${escapeAttr(o.src)}" width="${width}" height="${height}" ` +
    `title="${escapeAttr(o.title)}" loading="lazy" allowfullscreen ` +
    `style="border:0;max-width:100%"></iframe>`
  );
}
