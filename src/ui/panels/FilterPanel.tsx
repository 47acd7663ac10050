/**
 * Filter the reports: free text, the pins' time window, status, category (grouped by ACLED event
 * type: the legend of categories), source outlet and post, each value with how many reports in
 * the window it would show (faceted counts, data/filter/report-filter.ts). The map's pins, the
 * feed, the activity strip and compare all follow (they read the same filtered set).
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { CATEGORIES, categoryById, EVENT_TYPES } from '../../data/categories';
import { PIN_WINDOWS, type PinWindow, windowStart } from '../../data/filter/pin-window';
import {
  type Facet,
  facetCounts,
  isFiltering,
  NO_FILTER,
  NO_POST,
  type ReportFilter,
} from '../../data/filter/report-filter';
import { STATUS_STYLE } from '../../lib/palette';
import { useApp, useAppState, useFilteredReports, useThrottledTime } from '../use-app-state';
import { t as tr, uiLang } from '../../i18n/i18n';
import { STATUS_LABEL, WINDOW_LABEL } from '../../i18n/labels';
import { formatNumber } from '../../lib/time';
import { DATA_LANG } from '../../lib/lang';

/** Counts follow a moving time at most this often (a pass over the reports in the window). */
const COUNTS_REFRESH_MS = 1000;

export function FilterPanel() {
  const { store, dataset } = useApp();
  const filter = useAppState((s) => s.filter);
  const win = useAppState((s) => s.pinWindow);
  const t = useThrottledTime(COUNTS_REFRESH_MS);
  const shown = useFilteredReports();
  const { index } = shown;
  const from = windowStart(t, win);
  const [lo, hi] = shown.range(from, t);
  const counts = useMemo(() => facetCounts(index, filter, lo, hi), [index, filter, lo, hi]);
  // Every value found in the dataset stays listed (with 0 in this window), most frequent first.
  const values = useMemo(() => {
    const out = {} as Record<Facet, string[]>;
    for (const facet of ['source', 'post'] as const) {
      const n = new Map<string, number>();
      for (const v of index.values[facet]) n.set(v, (n.get(v) ?? 0) + 1);
      out[facet] = [...n.keys()].sort(
        (a, b) => (n.get(b) ?? 0) - (n.get(a) ?? 0) || (a < b ? -1 : 1),
      );
    }
    out.category = CATEGORIES.map((c) => c.id).filter((id) => index.values.category.includes(id));
    out.status = Object.keys(STATUS_STYLE);
    return out;
  }, [index]);
  const set = (next: Partial<ReportFilter>) => store.getState().setFilter({ ...filter, ...next });
  const toggle = (facet: Facet, value: string, on: boolean) =>
    set({ [facet]: on ? [...filter[facet], value] : filter[facet].filter((v) => v !== value) });
  const option = (facet: Facet, value: string, label: ComponentChildren) => {
    const n = counts[facet].get(value) ?? 0;
    return (
      <label key={value} class={n === 0 ? 'filter-option empty' : 'filter-option'}>
        <input
          type="checkbox"
          checked={filter[facet].includes(value)}
          onChange={(e) => toggle(facet, value, (e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        <span class="filter-label">{label}</span>{' '}
        <span class="filter-count">{formatNumber(n, uiLang())}</span>
      </label>
    );
  };
  const postTitle = (id: string) =>
    id === NO_POST ? tr('filter.noPost') : (dataset.posts.find((p) => p.id === id)?.title ?? id);
  const chosen = (facet: Facet) =>
    filter[facet].length ? tr('filter.chosen', { count: filter[facet].length }) : '';
  return (
    <section class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{tr('filter.title')}</h2>
      <p class="muted" aria-live="polite">
        {tr(win === 'all' ? 'filter.countSoFar' : 'filter.countWindow', {
          count: shown.count(from, t),
          total: hi - lo,
        })}
      </p>
      <input
        type="search"
        aria-label={tr('filter.textLabel')}
        placeholder={tr('filter.textPlaceholder')}
        value={filter.text}
        onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })}
      />
      <fieldset class="filter-window">
        <legend>{tr('filter.pinsShown')}</legend>
        {PIN_WINDOWS.map((w: PinWindow) => (
          <label key={w}>
            <input
              type="radio"
              name="pin-window"
              checked={win === w}
              onChange={() => store.getState().setPinWindow(w)}
            />{' '}
            {tr(WINDOW_LABEL[w])}
          </label>
        ))}
      </fieldset>
      <details open>
        <summary>
          {tr('filter.status')}
          {chosen('status')}
        </summary>
        {values.status.map((s) =>
          option('status', s, tr(STATUS_LABEL[s as keyof typeof STATUS_STYLE])),
        )}
      </details>
      <details open>
        <summary>
          {tr('filter.category')}
          {chosen('category')}
        </summary>
        {EVENT_TYPES.map((type) => {
          const ids = values.category.filter((id) => categoryById(id)?.event_type === type);
          return ids.length === 0 ? null : (
            // ACLED's category names stay English (the classification's own terms).
            <fieldset key={type} class="filter-group" lang="en">
              <legend>{type}</legend>
              {ids.map((id) => option('category', id, categoryById(id)?.label ?? id))}
            </fieldset>
          );
        })}
      </details>
      <details>
        <summary>
          {tr('filter.source')}
          {chosen('source')}
        </summary>
        <div class="filter-scroll">{values.source.map((v) => option('source', v, v))}</div>
      </details>
      <details>
        <summary>
          {tr('filter.post')}
          {chosen('post')}
        </summary>
        <div class="filter-scroll" lang={DATA_LANG}>
          {values.post.map((v) => option('post', v, postTitle(v)))}
        </div>
      </details>
      {(isFiltering(filter) || win !== 'all') && (
        <button
          type="button"
          onClick={() => {
            store.getState().setFilter(NO_FILTER);
            store.getState().setPinWindow('all');
          }}
        >
          {tr('filter.clear')}
        </button>
      )}
    </section>
  );
}
