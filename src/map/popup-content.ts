/**
 * Popup contents built as DOM with textContent only: text from data is never parsed as HTML,
 * and only http(s) URLs become links. A chunk of its own, with the `popup` part of the catalog
 * (interaction.ts loads both on the first popup). Data texts keep their language, marked `lang`.
 */
import { categoryById } from '../data/categories';
import { isHttpUrl } from '../lib/http-url';
import { citationParts } from '../lib/citation';
import type { ControlSpan } from '../data/timeline';
import type { Faction, Place, Report } from '../data/types';
import { t, uiLang } from '../i18n/i18n';
import { STATUS_LABEL } from '../i18n/labels';
import { DATA_LANG } from '../lib/lang';
import { formatNumber, formatUtcInWords as inWords } from '../lib/time';

const formatUtcInWords = (ms: number) => inWords(ms, uiLang());
/** Metres as km with one decimal, in the interface's digits. */
const km = (m: number) => formatNumber(Math.round(m / 100) / 10, uiLang());

/** Marks a node as written in the dataset's language (English prose in an Arabic page). */
function inData<T extends HTMLElement>(node: T, lang = DATA_LANG): T {
  node.lang = lang;
  return node;
}

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
export function sourceNode(url: string, label = t('popup.source')): HTMLElement {
  if (!isHttpUrl(url)) return el('span', t('popup.sourceText', { label, url }));
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
  const args = (faction: string, from: string) => ({
    faction: label(faction),
    date: formatUtcInWords(Date.parse(from)),
  });
  const list = el('ol', undefined, 'popup-history');
  const entries = [...place.properties.control].sort(
    (a, b) => Date.parse(a.from) - Date.parse(b.from),
  );
  entries.forEach((c, i) => {
    const prev = entries[i - 1];
    const what =
      i === 0
        ? t('popup.heldFrom', args(c.faction, c.from))
        : prev.faction === c.faction
          ? t('popup.stillHeld', args(c.faction, c.from))
          : t('popup.takenBy', args(c.faction, c.from));
    const item = el('li');
    item.append(el('strong', what), ' — ');
    item.append(inData(citationNode(c.source)));
    if (c.note) item.append(inData(el('p', c.note, 'popup-note')));
    for (const d of c.disputed ?? []) {
      const claim = el('p', undefined, 'popup-disputed');
      const when = d.from
        ? t('popup.disputedWhen', { date: formatUtcInWords(Date.parse(d.from)) })
        : '';
      claim.append(t('popup.disputed', { faction: label(d.faction), when }));
      claim.append(inData(citationNode(d.source)));
      if (d.note) claim.append(' ', inData(el('span', d.note)));
      claim.append(t('popup.mapShowsAbove'));
      item.append(claim);
    }
    list.append(item);
  });
  return list;
}

export function reportPopup(report: Report): HTMLElement {
  const p = report.properties;
  const root = el('article', undefined, 'popup popup-report');
  root.append(inData(el('h3', p.title)));
  const meta = el('p', undefined, 'popup-meta');
  meta.append(el('span', t(STATUS_LABEL[p.status]), `status status-${p.status}`));
  const category = categoryById(p.category);
  // ACLED's category names stay English (the classification's own terms).
  if (category)
    meta.append(
      inData(el('span', ` · ${category.label} (${category.event_type})`, 'popup-category')),
    );
  meta.append(
    el('span', t('popup.reported', { date: formatUtcInWords(Date.parse(p.reported_at)) })),
  );
  if (p.occurred_at)
    meta.append(
      el('span', t('popup.happened', { date: formatUtcInWords(Date.parse(p.occurred_at)) })),
    );
  root.append(meta);
  // The English text when there is one, else the original, each marked with its language.
  const text = inData(el('p', p.text_en ?? p.text, 'popup-text'), p.text_en ? 'en' : p.lang);
  text.dir = 'auto';
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
      p.source_name ? t('popup.readSourceNamed', { name: p.source_name }) : t('popup.readSource'),
    ),
  );
  if (p.precision === 'approximate')
    foot.append(
      el(
        'span',
        p.uncertainty_m
          ? t('popup.approximateWithin', { km: km(p.uncertainty_m) })
          : t('popup.approximate'),
      ),
    );
  if (p.translator) foot.append(el('span', t('popup.translatedBy', { name: p.translator })));
  root.append(foot);
  return root;
}

export function placePopup(
  place: Place,
  span: ControlSpan | null,
  factions: readonly Faction[],
  time: number,
): HTMLElement {
  const p = place.properties;
  const root = el('article', undefined, 'popup popup-place');
  // The interface language's name as the heading, the other under it.
  const latin = inData(el('h3', p.name), 'en');
  if (p.name_ar) {
    const arabicFirst = uiLang() === 'ar';
    const ar = el(arabicFirst ? 'h3' : 'p', p.name_ar, 'popup-ar');
    ar.lang = 'ar';
    ar.dir = 'rtl';
    if (arabicFirst) root.append(ar, inData(el('p', p.name, 'popup-latin'), 'en'));
    else root.append(latin, ar);
  } else root.append(latin);
  const holder = span
    ? (factions.find((f) => f.id === span.faction)?.label ?? span.faction)
    : t('popup.unknown');
  root.append(
    el('p', t('popup.heldOn', { faction: holder, date: formatUtcInWords(time) }), 'popup-meta'),
  );
  const history = el('details', undefined, 'popup-details');
  history.append(el('summary', t('popup.history')));
  history.append(controlHistory(place, factions));
  if (p.note) history.append(inData(el('p', p.note, 'popup-note')));
  root.append(history);
  if (p.precision === 'approximate')
    root.append(el('p', t('popup.approxPlace', { km: km(p.uncertainty_m ?? 0) }), 'popup-warn'));
  const pos = el('p', t('popup.position'), 'popup-foot');
  pos.append(inData(citationNode(p.source)));
  root.append(pos);
  return root;
}
