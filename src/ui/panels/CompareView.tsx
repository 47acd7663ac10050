/**
 * The comparison itself (ComparePanel shows it once moment A is set): A (its own slider) and B
 * (the map's time, t); km² per faction at A and B with the change, the places that changed hands
 * with the date and source of each change, and the reports in between (those the filter lets
 * through). A chunk of its own with the `compare` part of the catalog: opening the map needs
 * neither.
 */
import { CONTESTED_ROW } from '../../data/types';
import { citationText } from '../citation';
import { formatNumber, formatUtcInWords as inWords } from '../../lib/time';
import { useApp, useAppState, useFilteredReports } from '../use-app-state';
import { t as tr, uiLang } from '../../i18n/i18n';
import { DATA_LANG } from '../../lib/lang';

const km2 = (n: number) => formatNumber(Math.round(n), uiLang());
const formatUtcInWords = (ms: number) => inWords(ms, uiLang());
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${km2(Math.abs(n))}`;

export function CompareView({ a }: { a: number }) {
  const { store, timeline, dataset } = useApp();
  const t = useAppState((s) => s.t);
  const comparison = useAppState((s) => s.comparison);
  const shown = useFilteredReports();
  const [start, end] = timeline.domain;
  const label = (id: string | null) =>
    id === null
      ? tr('compare.notKnown')
      : id === CONTESTED_ROW
        ? tr('compare.contestedRow')
        : (dataset.manifest.factions.find((f) => f.id === id)?.label ?? id);
  const colour = (id: string) => dataset.manifest.factions.find((f) => f.id === id)?.color;
  const fresh = comparison && comparison.a === a && comparison.b === t;
  // The reports in between that the filter lets through.
  const between = comparison ? comparison.reports.filter((r) => shown.has(r.id)) : [];
  const slider = (name: string, value: number, set: (v: number) => void) => (
    <label class="compare-moment">
      <span>
        {name}: <strong>{formatUtcInWords(value)}</strong>
      </span>
      <input
        type="range"
        min={start}
        max={end}
        step={timeline.stepMs}
        value={value}
        aria-valuetext={formatUtcInWords(value)}
        onInput={(e) => set(Number((e.currentTarget as HTMLInputElement).value))}
      />
    </label>
  );
  return (
    <section class="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{tr('compare.title')}</h2>
      {slider(tr('compare.momentA'), a, (v) => store.getState().setCompareA(v))}
      {slider(tr('compare.momentB'), t, (v) => store.getState().setTime(v))}
      <button type="button" onClick={() => store.getState().setCompareA(null)}>
        {tr('compare.stop')}
      </button>
      <p class="muted">{tr('compare.onMap')}</p>
      {!fresh ? (
        <p role="status">{tr('compare.running')}</p>
      ) : (
        <div aria-live="polite">
          <table class="compare-table">
            <caption>{tr('compare.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('compare.faction')}</th>
                <th scope="col">{tr('compare.colA')}</th>
                <th scope="col">{tr('compare.colB')}</th>
                <th scope="col">{tr('compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.factions.map((f) => (
                <tr key={f.faction}>
                  <th scope="row">
                    <span
                      class={f.faction === CONTESTED_ROW ? 'swatch swatch-contested' : 'swatch'}
                      style={{ background: colour(f.faction) }}
                      aria-hidden="true"
                    />{' '}
                    {label(f.faction)}
                  </th>
                  <td>{km2(f.atA)}</td>
                  <td>{km2(f.atB)}</td>
                  <td
                    title={tr('compare.gainedLost', { gained: km2(f.gained), lost: km2(f.lost) })}
                  >
                    {signed(f.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{tr('compare.places', { count: comparison.places.length })}</h3>
          {comparison.places.length === 0 ? (
            <p class="muted">{tr('compare.noPlaces')}</p>
          ) : (
            <ul class="compare-places">
              {comparison.places.map((p) => (
                <li key={p.placeId}>
                  <button type="button" class="link" onClick={() => showPlace(p.placeId)}>
                    {p.name}
                  </button>
                  : {label(p.atA)} → {label(p.atB)}
                  <ul>
                    {p.changes.map((c) => (
                      <li key={c.from}>
                        {formatUtcInWords(Date.parse(c.from))}: {label(c.faction)} —{' '}
                        {citationText(c.source)}
                        {c.disputed ? tr('compare.disputed') : ''}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <h3>{tr('compare.reports', { count: between.length })}</h3>
          <ul class="compare-reports">
            {between.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  class="link"
                  onClick={() => store.getState().selectReport(r.id)}
                >
                  <span lang={DATA_LANG}>{r.properties.title}</span>
                </button>{' '}
                <span class="muted">{formatUtcInWords(Date.parse(r.properties.reported_at))}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );

  function showPlace(id: string) {
    store.getState().selectPlace(null);
    store.getState().selectPlace(id);
  }
}
