/** The reports known at the current time, newest first; choosing one opens its popup. */
import { STATUS_STYLE } from '../lib/palette';
import { formatUtcInWords } from '../lib/time';
import { useApp, useAppState, useThrottledTime } from './use-app-state';

/** The feed lists this many of the newest reports: a list of 100,000 would stall every step. */
export const FEED_LIMIT = 50;
/**
 * While the time moves, the feed follows at most this often (the first step at once, the last
 * when the scrub or playback stops): redrawing the list on every step cost a third more per
 * step than the map's own frame (docs/performance.md).
 */
export const FEED_REFRESH_MS = 1000;

export function ReportFeed() {
  const { store, timeline } = useApp();
  const t = useThrottledTime(FEED_REFRESH_MS);
  const count = timeline.countReportsKnownAt(t);
  const selected = useAppState((s) => s.selectedReport);
  const reports = timeline.reportsKnownAt(t, FEED_LIMIT);
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
