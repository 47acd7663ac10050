/** The clock, post navigation, Play/Pause with speed, and the slider. */
import { Pause, Play, SkipBack, SkipForward } from 'lucide';
import { useMemo } from 'preact/hooks';
import { nextPostTime, previousPostTime } from '../../data/timeline';
import { formatUtcClock, formatUtcDate, formatUtcInWords } from '../../lib/time';
import { SPEEDS } from '../../state/store';
import { DensityChart } from './DensityChart';
import { Icon } from '../Icon';
import { TimeSlider } from './TimeSlider';
import { useApp, useAppState } from '../use-app-state';
import { t as tr, uiLang } from '../../i18n/i18n';

export function TimeControls() {
  const { store, timeline } = useApp();
  const t = useAppState((s) => s.t);
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.speed);
  const prev = previousPostTime(t, timeline.posts);
  const next = nextPostTime(t, timeline.posts);
  const current = [...timeline.posts].reverse().find((p) => p.t <= t);
  const s = () => store.getState();
  const lang = uiLang();
  // The same element on every render: Preact skips it, so a time step never redraws the chart.
  const chart = useMemo(() => <DensityChart />, []);
  return (
    <section class="time-controls" aria-label={tr('time.controls')}>
      <div class="clock" aria-live="off">
        <time dateTime={new Date(t).toISOString()} title={formatUtcInWords(t, lang)}>
          <span class="clock-date">{formatUtcDate(t, lang)}</span>{' '}
          <span class="clock-time">{formatUtcClock(t, lang)} UTC</span>
        </time>
        <span class="clock-post">
          {current ? tr('time.latestPost', { title: current.title }) : tr('time.beforeFirstPost')}
        </span>
      </div>
      <div class="buttons">
        <button
          type="button"
          onClick={() => prev !== null && s().setTime(prev)}
          disabled={prev === null}
          aria-label={tr('time.previousPost')}
          title={tr('time.previousPostKey')}
        >
          <Icon icon={SkipBack} />
        </button>
        <button
          type="button"
          class="play"
          onClick={() => s().setPlaying(!playing)}
          aria-label={playing ? tr('time.pause') : tr('time.play')}
          title={tr('time.playPauseKey')}
        >
          <Icon icon={playing ? Pause : Play} />
        </button>
        <button
          type="button"
          onClick={() => next !== null && s().setTime(next)}
          disabled={next === null}
          aria-label={tr('time.nextPost')}
          title={tr('time.nextPostKey')}
        >
          <Icon icon={SkipForward} />
        </button>
        <label class="speed">
          <span class="visually-hidden">{tr('time.speed')}</span>
          <select
            value={speed}
            onChange={(e) => s().setSpeed(Number((e.currentTarget as HTMLSelectElement).value))}
            aria-label={tr('time.playbackSpeed')}
          >
            {SPEEDS.map((sp) => (
              <option key={sp.msPerSecond} value={sp.msPerSecond}>
                {tr(sp.labelId)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="timeline">
        {chart}
        <TimeSlider />
      </div>
    </section>
  );
}
