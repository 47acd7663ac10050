/**
 * "Changes": every control change of the dataset as a table (date, place, from → to, source,
 * disputed claims), sortable by date and place, filtered by faction and by the map's current
 * extent. A row click moves the time to the change and the map to the place (through the store,
 * so the URL follows). Downloads: the rows shown as CSV, and the state at t as GeoJSON.
 * Loaded on first use, with papaparse.
 */
import { ArrowDown, ArrowUp, X } from 'lucide';
import { useMemo, useState } from 'preact/hooks';
import { downloadName } from '../data/changes/about';
import { type ChangeSort, changeLog, filterChanges, sortChanges } from '../data/changes/change-log';
import { changesCsv } from '../data/changes/changes-csv';
import { stateAt } from '../data/changes/state-geojson';
import { formatUtcInWords } from '../lib/time';
import { loadMessages, t as tr, uiLang } from '../i18n/i18n';
import { citationText } from './citation';
import { Icon } from './Icon';
import { useApp, useAppState } from './use-app-state';

/** Saves text as a file through a temporary link. */
function save(text: string, name: string, type: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  // The download has started from the URL; release it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** The view's strings (the `changes` catalog part), fetched with its code; App awaits it. */
export const messagesReady = loadMessages('changes');

export function ChangesView({ onClose }: { onClose(): void }) {
  const { store, dataset, timeline } = useApp();
  const { manifest } = dataset;
  const all = useMemo(() => changeLog(dataset), [dataset]);
  const [sort, setSort] = useState<ChangeSort>('date');
  const [faction, setFaction] = useState<string | null>(null);
  const [inView, setInView] = useState(false);
  const extent = useAppState((s) => (inView ? s.extent : null));
  const rows = useMemo(
    () => sortChanges(filterChanges(all, { faction, extent }), sort),
    [all, faction, extent, sort],
  );
  const label = (id: string) => manifest.factions.find((f) => f.id === id)?.label ?? id;
  const show = (t: number, placeId: string) => {
    const s = store.getState();
    s.setTime(t);
    s.selectPlace(null);
    s.selectPlace(placeId);
  };
  const ariaSort = (col: 'date' | 'place') =>
    col === 'place'
      ? sort === 'place'
        ? 'ascending'
        : 'none'
      : sort === 'date'
        ? 'ascending'
        : sort === 'date-desc'
          ? 'descending'
          : 'none';
  return (
    <section class="changes" aria-labelledby="changes-title">
      <header class="changes-head">
        <h2 id="changes-title">{tr('changes.title')}</h2>
        <span class="muted" aria-live="polite">
          {tr('changes.count', { shown: rows.length, total: all.length })}
        </span>
        <button type="button" onClick={onClose} aria-label={tr('changes.close')}>
          <Icon icon={X} />
        </button>
      </header>
      <div class="changes-tools">
        <label>
          {tr('changes.faction')}{' '}
          <select
            value={faction ?? ''}
            onChange={(e) => setFaction((e.currentTarget as HTMLSelectElement).value || null)}
          >
            <option value="">{tr('changes.anyFaction')}</option>
            {manifest.factions.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={inView}
            onChange={(e) => setInView((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {tr('changes.inView')}
        </label>
        <button
          type="button"
          onClick={() =>
            save(
              changesCsv(rows, manifest),
              downloadName(manifest.title, 'changes', 'csv'),
              'text/csv',
            )
          }
        >
          {tr('changes.downloadCsv')}
        </button>
        <button
          type="button"
          onClick={() => {
            const t = store.getState().t;
            save(
              JSON.stringify(stateAt(dataset, timeline, t)),
              downloadName(manifest.title, 'state', 'geojson', t),
              'application/geo+json',
            );
          }}
        >
          {tr('changes.downloadState')}
        </button>
      </div>
      <table class="changes-table">
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort('date')}>
              <button type="button" onClick={() => setSort(sort === 'date' ? 'date-desc' : 'date')}>
                {tr('changes.date')}{' '}
                {sort === 'date' ? (
                  <Icon icon={ArrowUp} size={14} />
                ) : sort === 'date-desc' ? (
                  <Icon icon={ArrowDown} size={14} />
                ) : null}
              </button>
            </th>
            <th scope="col" aria-sort={ariaSort('place')}>
              <button type="button" onClick={() => setSort('place')}>
                {tr('changes.place')} {sort === 'place' ? <Icon icon={ArrowUp} size={14} /> : null}
              </button>
            </th>
            <th scope="col">{tr('changes.fromTo')}</th>
            <th scope="col">{tr('changes.source')}</th>
            <th scope="col">{tr('changes.disputed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.placeId}-${r.at}`}
              onClick={(e) => {
                // A click on a source link opens the source, not the change.
                if (!(e.target as HTMLElement).closest('a')) show(r.t, r.placeId);
              }}
            >
              <td>{formatUtcInWords(r.t, uiLang())}</td>
              <td>
                <button
                  type="button"
                  class="link"
                  onClick={(e) => {
                    // The row's own click does the same; once is enough.
                    e.stopPropagation();
                    show(r.t, r.placeId);
                  }}
                >
                  {r.place}
                </button>
              </td>
              <td>
                {label(r.from)} → {label(r.to)}
              </td>
              <td>
                {citationText(r.source)}
                {r.note ? <span class="muted"> — {r.note}</span> : null}
              </td>
              <td>
                {r.disputed.map((d, i) => (
                  <p key={i} class="changes-claim">
                    {label(d.faction)}: {citationText(d.source)}
                    {d.note ? ` (${d.note})` : ''}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
