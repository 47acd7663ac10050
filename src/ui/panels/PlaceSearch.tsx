/**
 * Find a place by any of its names, in any script (place-search.ts): an ARIA combobox. Arrow
 * keys move through the matches, Enter (or a click) shows the place on the map and opens its
 * popup with its control history; Escape clears.
 */
import { useMemo, useState } from 'preact/hooks';
import { searchPlaces, searchUnplaced } from '../../data/place-search';
import type { PlaceProps } from '../../data/types';
import { formatUtcDate } from '../../lib/time';
import { useApp } from '../use-app-state';
import { t, uiLang } from '../../i18n/i18n';

export function PlaceSearch() {
  const { dataset, store, timeline } = useApp();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // In Arabic, a place is named by its Arabic name first.
  const arabic = uiLang() === 'ar';
  // Places first, then names that reports give but no source can position.
  const matches = useMemo(
    () => [
      ...searchPlaces(dataset.places, query).map((m) => ({ kind: 'place' as const, ...m })),
      ...searchUnplaced(dataset.reports, query).map((m) => ({ kind: 'unplaced' as const, ...m })),
    ],
    [dataset, query],
  );
  const postOf = (id: string | undefined) => timeline.posts.find((p) => p.id === id);
  const choose = (i: number) => {
    const m = matches[i];
    if (!m) return;
    setOpen(false);
    const s = store.getState();
    if (m.kind === 'unplaced') {
      // No position to show: open the report that names it, where it is pinned.
      setQuery(m.name);
      s.selectReport(null);
      s.selectReport(m.report.id);
      return;
    }
    setQuery(arabic ? m.place.properties.name_ar : m.place.properties.name);
    s.selectPlace(null);
    s.selectPlace(m.place.id);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = matches.length;
      if (n) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      setQuery('');
      setOpen(false);
    }
  };
  const listId = 'place-search-list';
  const showList = open && matches.length > 0;
  return (
    <section class="place-search" aria-labelledby="place-search-title">
      <h2 id="place-search-title">{t('search.title')}</h2>
      <input
        type="search"
        // biome-ignore lint/a11y/noRedundantRoles: no list attribute is rendered, so the combobox role must be explicit
        role="combobox"
        list={undefined}
        aria-label={t('search.label')}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `place-option-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <div id={listId} role="listbox" aria-label={t('search.matches')}>
          {matches.map((m, i) => (
            <div
              key={m.kind === 'place' ? m.place.id : `${m.report.id}:${m.name}`}
              id={`place-option-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              {m.kind === 'place' ? (
                <PlaceNames place={m.place.properties} matched={m.matched} arabic={arabic} />
              ) : (
                <>
                  {m.name}{' '}
                  <span class="muted">
                    {t('search.unplaced', {
                      date: formatUtcDate(
                        Date.parse(
                          postOf(m.report.properties.post)?.published_at ??
                            m.report.properties.reported_at,
                        ),
                        uiLang(),
                      ),
                    })}
                  </span>
                </>
              )}
            </div>
          ))}
        </div>
      )}
      {open && query.trim() !== '' && matches.length === 0 && (
        <p class="muted" role="status">
          {t('search.none', { query })}
        </p>
      )}
    </section>
  );
}

/**
 * A match's names, the interface language's first: the English (Latin) name and the Arabic one,
 * each marked with its language, and the alias that matched when it is neither.
 */
function PlaceNames({
  place,
  matched,
  arabic,
}: {
  place: PlaceProps;
  matched: string;
  arabic: boolean;
}) {
  const latin = <span lang="en">{place.name}</span>;
  const ar = (
    <span lang="ar" dir="rtl" class={arabic ? undefined : 'muted'}>
      {place.name_ar}
    </span>
  );
  const alias = matched !== place.name && matched !== place.name_ar && (
    <span class="muted"> ({matched})</span>
  );
  return arabic ? (
    <>
      {ar}
      {alias} <span class="muted">{latin}</span>
    </>
  ) : (
    <>
      {latin}
      {alias} {ar}
    </>
  );
}
