/**
 * Popup contents built as DOM with textContent only: text from data is never parsed as HTML,
 * and only http(s) URLs become links.
 */
import { isHttpUrl } from '../data/validate-fields';
import type { ControlSpan } from '../data/timeline';
import type { Faction, Place, Report } from '../data/types';
import { formatUtcInWords } from '../lib/time';
import { STATUS_STYLE } from './style';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A link when `url` is http(s); otherwise the text of the citation. */
export function sourceNode(url: string, label = 'Source'): HTMLElement {
  if (!isHttpUrl(url)) return el('span', `${label}: ${url}`);
  const a = el('a', label);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

export function reportPopup(report: Report): HTMLElement {
  const p = report.properties;
  const root = el('article', undefined, 'popup popup-report');
  root.append(el('h3', p.title));
  const meta = el('p', undefined, 'popup-meta');
  meta.append(el('span', STATUS_STYLE[p.status].label, `status status-${p.status}`));
  meta.append(el('span', ` · reported ${formatUtcInWords(Date.parse(p.reported_at))}`));
  if (p.occurred_at)
    meta.append(el('span', ` · happened ${formatUtcInWords(Date.parse(p.occurred_at))}`));
  root.append(meta);
  const text = el('p', p.text_en ?? p.text, 'popup-text');
  root.append(text);
  if (p.text_en && p.text_en !== p.text) {
    const original = el('p', p.text, 'popup-original');
    original.lang = p.lang;
    original.dir = 'auto';
    root.append(original);
  }
  const foot = el('p', undefined, 'popup-foot');
  foot.append(sourceNode(p.source_url, 'Read the source'));
  if (p.translator) foot.append(el('span', ` · translated by ${p.translator}`));
  root.append(foot);
  return root;
}

export function placePopup(
  place: Place,
  span: ControlSpan | null,
  factions: readonly Faction[],
  t: number,
): HTMLElement {
  const p = place.properties;
  const root = el('article', undefined, 'popup popup-place');
  root.append(el('h3', p.name));
  if (p.name_ar) {
    const ar = el('p', p.name_ar, 'popup-ar');
    ar.lang = 'ar';
    ar.dir = 'rtl';
    root.append(ar);
  }
  const holder = span
    ? (factions.find((f) => f.id === span.faction)?.label ?? span.faction)
    : 'unknown';
  root.append(el('p', `Held by ${holder} on ${formatUtcInWords(t)}`, 'popup-meta'));
  if (span) {
    const since = el('p', `since ${formatUtcInWords(span.t0)} — `);
    since.append(sourceNode(span.source));
    root.append(since);
  }
  if (p.precision === 'approximate')
    root.append(
      el(
        'p',
        `Approximate position (within about ${Math.round((p.uncertainty_m ?? 0) / 100) / 10} km).`,
        'popup-warn',
      ),
    );
  const pos = el('p', 'Position: ', 'popup-foot');
  pos.append(sourceNode(p.source, 'source'));
  root.append(pos);
  return root;
}
