/**
 * The reports known at the current time that the filter lets through and the pins' window holds,
 * newest first; choosing one opens its popup.
 */
import { DATA_LANG } from '../../lib/lang';
import { formatUtcInWords } from '../../lib/time';
import { windowStart } from '../../data/filter/pin-window';
import { isFiltering } from '../../data/filter/report-filter';
import { useApp, useAppState, useFilteredReports, useThrottledTime } from '../use-app-state';
import { t as tr, uiLang } from '../../i18n/i18n';
import { STATUS_LABEL, WINDOW_IN_TEXT } from '../../i18n/labels';

/** The feed lists this many of the newest reports: a list of 100,000 would stall every step. */
export const FEED_LIMIT = 50;
/**
 * While the time moves, the feed follows at most this often (the first step at once, the last
 * when the scrub or playback stops): redrawing the list on every step cost a third more per
 * step than the map's own frame (docs/performance.md).
 */
export const FEED_REFRESH_MS = 1000;

export function ReportFeed() {
  const { store } = useApp();
  const t = useThrottledTime(FEED_REFRESH_MS);
  const shown = useFilteredReports();
  const win = useAppState((s) => s.pinWindow);
  const filtering = useAppState((s) => isFiltering(s.filter));
  const from = windowStart(t, win);
  const count = shown.count(from, t);
  const [lo, hi] = shown.range(from, t);
  const selected = useAppState((s) => s.selectedReport);
  const reports = shown.newest(from, t, FEED_LIMIT);
  const lang = uiLang();
  const heading =
    win === 'all' ? tr('feed.soFar') : tr('feed.inWindow', { window: tr(WINDOW_IN_TEXT[win]) });
  return (
    <section class="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">
        {heading}{' '}
        {filtering
          ? tr('feed.countFiltered', { count, total: hi - lo })
          : tr('feed.count', { count })}
      </h2>
      {count > FEED_LIMIT && <p class="muted">{tr('feed.newest', { limit: FEED_LIMIT })}</p>}
      {count === 0 ? (
        <p class="muted">{filtering || win !== 'all' ? tr('feed.noMatch') : tr('feed.none')}</p>
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
                <span class="feed-title" lang={DATA_LANG}>
                  {r.properties.title}
                </span>
                <span class="feed-meta">
                  {formatUtcInWords(Date.parse(r.properties.reported_at), lang)} ·{' '}
                  {tr(STATUS_LABEL[r.properties.status])}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
