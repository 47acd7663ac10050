/**
 * Compare two moments: A (its own slider) and B (the map's time, t). Shows km² per faction at A
 * and B with the change, the places that changed hands with the date and source of each change,
 * and the reports in between (those the filter lets through). The map draws the gained and lost
 * areas (controller.setComparison).
 */
import { CONTESTED_ROW } from '../data/types';
import { citationText } from './citation';
import { previousPostTime } from '../data/timeline';
import { formatUtcInWords } from '../lib/time';
import { useApp, useAppState, useFilteredReports } from './use-app-state';

const km2 = (n: number) => Math.round(n).toLocaleString('en-GB');
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${km2(Math.abs(n))}`;

export function ComparePanel() {
  const { store, timeline, dataset } = useApp();
  const a = useAppState((s) => s.compareA);
  const t = useAppState((s) => s.t);
  const comparison = useAppState((s) => s.comparison);
  const shown = useFilteredReports();
  const [start, end] = timeline.domain;
  const label = (id: string | null) =>
    id === null
      ? 'not known'
      : id === CONTESTED_ROW
        ? 'Contested (any side)'
        : (dataset.manifest.factions.find((f) => f.id === id)?.label ?? id);
  const colour = (id: string) => dataset.manifest.factions.find((f) => f.id === id)?.color;
  if (a === null)
    return (
      <section class="compare" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare</h2>
        <button
          type="button"
          onClick={() => store.getState().setCompareA(previousPostTime(t, timeline.posts) ?? start)}
        >
          Compare two moments
        </button>
        <p class="muted">What changed between the previous post and now, where, and who says so.</p>
      </section>
    );
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
      <h2 id="compare-title">Compare</h2>
      {slider('Moment A', a, (v) => store.getState().setCompareA(v))}
      {slider('Moment B (the map)', t, (v) => store.getState().setTime(v))}
      <button type="button" onClick={() => store.getState().setCompareA(null)}>
        Stop comparing
      </button>
      <p class="muted">
        On the map: areas gained by B in the faction's colour; areas lost washed out with a dashed
        edge; places that changed hands ringed.
      </p>
      {!fresh ? (
        <p role="status">Comparing…</p>
      ) : (
        <div aria-live="polite">
          <table class="compare-table">
            <caption>Area per faction, km² (derived zones, approximate)</caption>
            <thead>
              <tr>
                <th scope="col">Faction</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">Change</th>
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
                  <td title={`gained ${km2(f.gained)}, lost ${km2(f.lost)}`}>{signed(f.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Places that changed hands ({comparison.places.length})</h3>
          {comparison.places.length === 0 ? (
            <p class="muted">None between these moments.</p>
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
                        {c.disputed ? ' (disputed: see the place)' : ''}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <h3>Reports in between ({between.length})</h3>
          <ul class="compare-reports">
            {between.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  class="link"
                  onClick={() => store.getState().selectReport(r.id)}
                >
                  {r.properties.title}
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
