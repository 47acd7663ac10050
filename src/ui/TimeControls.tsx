/** The clock, post navigation, Play/Pause with speed, and the slider. */
import { Pause, Play, SkipBack, SkipForward } from 'lucide';
import { useMemo } from 'preact/hooks';
import { nextPostTime, previousPostTime } from '../data/timeline';
import { formatUtcClock, formatUtcDate, formatUtcInWords } from '../lib/time';
import { SPEEDS } from '../state/store';
import { DensityChart } from './DensityChart';
import { Icon } from './Icon';
import { TimeSlider } from './TimeSlider';
import { useApp, useAppState } from './use-app-state';

export function TimeControls() {
  const { store, timeline } = useApp();
  const t = useAppState((s) => s.t);
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.speed);
  const prev = previousPostTime(t, timeline.posts);
  const next = nextPostTime(t, timeline.posts);
  const current = [...timeline.posts].reverse().find((p) => p.t <= t);
  const s = () => store.getState();
  // The same element on every render: Preact skips it, so a time step never redraws the chart.
  const chart = useMemo(() => <DensityChart />, []);
  return (
    <section class="time-controls" aria-label="Time controls">
      <div class="clock" aria-live="off">
        <time dateTime={new Date(t).toISOString()} title={formatUtcInWords(t)}>
          <span class="clock-date">{formatUtcDate(t)}</span>{' '}
          <span class="clock-time">{formatUtcClock(t)} UTC</span>
        </time>
        <span class="clock-post">
          {current ? `Latest post: ${current.title}` : 'Before the first post'}
        </span>
      </div>
      <div class="buttons">
        <button
          type="button"
          onClick={() => prev !== null && s().setTime(prev)}
          disabled={prev === null}
          aria-label="Previous post"
          title="Previous post (PageUp)"
        >
          <Icon icon={SkipBack} />
        </button>
        <button
          type="button"
          class="play"
          onClick={() => s().setPlaying(!playing)}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play/Pause (Space)"
        >
          <Icon icon={playing ? Pause : Play} />
        </button>
        <button
          type="button"
          onClick={() => next !== null && s().setTime(next)}
          disabled={next === null}
          aria-label="Next post"
          title="Next post (PageDown)"
        >
          <Icon icon={SkipForward} />
        </button>
        <label class="speed">
          <span class="visually-hidden">Speed</span>
          <select
            value={speed}
            onChange={(e) => s().setSpeed(Number((e.currentTarget as HTMLSelectElement).value))}
            aria-label="Playback speed"
          >
            {SPEEDS.map((sp) => (
              <option key={sp.msPerSecond} value={sp.msPerSecond}>
                {sp.label}
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
