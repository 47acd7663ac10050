/** The reports known at the current time, newest first; choosing one opens its popup. */
import { STATUS_STYLE } from '../map/style';
import { formatUtcInWords } from '../lib/time';
import { useApp, useAppState } from './use-app-state';

/** The feed lists this many of the newest reports: a list of 100,000 would stall every step. */
export const FEED_LIMIT = 50;

export function ReportFeed() {
  const { store, timeline } = useApp();
  // Re-render when the number of known reports changes, not on every time step.
  const count = useAppState((s) => timeline.countReportsKnownAt(s.t));
  const selected = useAppState((s) => s.selectedReport);
  const reports = timeline.reportsKnownAt(store.getState().t, FEED_LIMIT);
  return (
    <section class="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">Reports so far ({count})</h2>
      {count > FEED_LIMIT && <p class="muted">The {FEED_LIMIT} newest are listed.</p>}
      {count === 0 ? (
        <p class="muted">No reports yet at this time. Move the slider forward.</p>
      ) : (
        <ol>
          {reports.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                class={r.id === selected ? 'feed-item selected' : 'feed-item'}
                aria-pressed={r.id === selected}
                onClick={() => store.getState().selectReport(r.id)}
              >
                <span class="feed-title">{r.properties.title}</span>
                <span class="feed-meta">
                  {formatUtcInWords(Date.parse(r.properties.reported_at))} ·{' '}
                  {STATUS_STYLE[r.properties.status].label}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
