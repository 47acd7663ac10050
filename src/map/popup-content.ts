/**
 * Popup contents built as DOM with textContent only: text from data is never parsed as HTML,
 * and only http(s) URLs become links.
 */
import { categoryById } from '../data/categories';
import { isHttpUrl } from '../lib/http-url';
import { citationParts } from '../lib/citation';
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

/** A citation as text, with each http(s) URL in it a link (never parsed as HTML). */
export function citationNode(text: string): HTMLElement {
  const out = el('span', undefined, 'citation');
  for (const part of citationParts(text)) {
    if ('text' in part) {
      out.append(part.text);
      continue;
    }
    const a = el('a', part.host);
    a.href = part.url;
    a.title = part.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    out.append(a);
  }
  return out;
}

/**
 * The control history of a place as a short timeline: each entry's date, faction and source,
 * and the claims that disagree with it (recorded, not mapped).
 */
export function controlHistory(place: Place, factions: readonly Faction[]): HTMLElement {
  const label = (id: string) => factions.find((f) => f.id === id)?.label ?? id;
  const list = el('ol', undefined, 'popup-history');
  const entries = [...place.properties.control].sort(
    (a, b) => Date.parse(a.from) - Date.parse(b.from),
  );
  entries.forEach((c, i) => {
    const prev = entries[i - 1];
    const verb =
      i === 0
        ? `held by ${label(c.faction)} from`
        : prev.faction === c.faction
          ? `still held by ${label(c.faction)} on`
          : `taken by ${label(c.faction)} on`;
    const item = el('li');
    item.append(el('strong', `${verb} ${formatUtcInWords(Date.parse(c.from))}`), ' — ');
    item.append(citationNode(c.source));
    if (c.note) item.append(el('p', c.note, 'popup-note'));
    for (const d of c.disputed ?? []) {
      const claim = el('p', undefined, 'popup-disputed');
      const when = d.from ? ` (${formatUtcInWords(Date.parse(d.from))})` : '';
      claim.append(`Disputed — another source says ${label(d.faction)}${when}: `);
      claim.append(citationNode(d.source));
      if (d.note) claim.append(` ${d.note}`);
      claim.append(' The map shows the entry above.');
      item.append(claim);
    }
    list.append(item);
  });
  return list;
}

export function reportPopup(report: Report): HTMLElement {
  const p = report.properties;
  const root = el('article', undefined, 'popup popup-report');
  root.append(el('h3', p.title));
  const meta = el('p', undefined, 'popup-meta');
  meta.append(el('span', STATUS_STYLE[p.status].label, `status status-${p.status}`));
  const category = categoryById(p.category);
  if (category)
    meta.append(el('span', ` · ${category.label} (${category.event_type})`, 'popup-category'));
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
  foot.append(
    sourceNode(
      p.source_url,
      p.source_name ? `Read the source (${p.source_name})` : 'Read the source',
    ),
  );
  if (p.precision === 'approximate')
    foot.append(
      el(
        'span',
        ` · position approximate${p.uncertainty_m ? ` (within about ${Math.round(p.uncertainty_m / 100) / 10} km)` : ''}`,
      ),
    );
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
  const history = el('details', undefined, 'popup-details');
  history.append(el('summary', 'Control history and sources'));
  history.append(controlHistory(place, factions));
  if (p.note) history.append(el('p', p.note, 'popup-note'));
  root.append(history);
  if (p.precision === 'approximate')
    root.append(
      el(
        'p',
        `Approximate position (within about ${Math.round((p.uncertainty_m ?? 0) / 100) / 10} km).`,
        'popup-warn',
      ),
    );
  const pos = el('p', 'Position: ', 'popup-foot');
  pos.append(citationNode(p.source));
  root.append(pos);
  return root;
}
