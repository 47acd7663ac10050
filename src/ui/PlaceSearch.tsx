/**
 * Find a place by any of its names, in any script (place-search.ts): an ARIA combobox. Arrow
 * keys move through the matches, Enter (or a click) shows the place on the map and opens its
 * popup with its control history; Escape clears.
 */
import { useMemo, useState } from 'preact/hooks';
import { searchPlaces, searchUnplaced } from '../data/place-search';
import { formatUtcDate } from '../lib/time';
import { useApp } from './use-app-state';

export function PlaceSearch() {
  const { dataset, store, timeline } = useApp();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
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
    setQuery(m.place.properties.name);
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
      <h2 id="place-search-title">Find a place</h2>
      <input
        type="search"
        // biome-ignore lint/a11y/noRedundantRoles: no list attribute is rendered, so the combobox role must be explicit
        role="combobox"
        list={undefined}
        aria-label="Find a place by name (any spelling, Latin or Arabic)"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `place-option-${active}` : undefined}
        placeholder="Khan Tuman, خان طومان…"
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
        <div id={listId} role="listbox" aria-label="Matching places">
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
                <>
                  {m.place.properties.name}
                  {m.matched !== m.place.properties.name && (
                    <span class="muted"> ({m.matched})</span>
                  )}{' '}
                  <span lang="ar" dir="rtl" class="muted">
                    {m.place.properties.name_ar}
                  </span>
                </>
              ) : (
                <>
                  {m.name}{' '}
                  <span class="muted">
                    — named in the{' '}
                    {formatUtcDate(
                      Date.parse(
                        postOf(m.report.properties.post)?.published_at ??
                          m.report.properties.reported_at,
                      ),
                    )}{' '}
                    post; position not known (opens its report)
                  </span>
                </>
              )}
            </div>
          ))}
        </div>
      )}
      {open && query.trim() !== '' && matches.length === 0 && (
        <p class="muted" role="status">
          No place matches “{query}”.
        </p>
      )}
    </section>
  );
}
