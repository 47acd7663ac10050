/**
 * The time slider: an ARIA slider over the dataset's range with a tick per post. Dragging snaps
 * to a post when released near it. Keys: Left/Right step, PageUp/PageDown previous/next post,
 * Home/End, Space play/pause. Right to left (Arabic) the track is mirrored, time running from
 * right to left (app.css), and Left/Right follow it: Left moves later, Right earlier, as the
 * ARIA practices ask of a horizontal slider in a right-to-left page; Up/Down keep their sense.
 */
import { useRef } from 'preact/hooks';
import { nextPostTime, previousPostTime, snapToPost } from '../../data/timeline';
import { formatUtcDate, formatUtcInWords } from '../../lib/time';
import { useApp, useAppState } from '../use-app-state';
import { t as tr, uiLang } from '../../i18n/i18n';
import { dirOf } from '../../lib/lang';

/** How close (as a share of the track) a release must be to a post to snap to it. */
const SNAP_SHARE = 0.015;

/** Whether the time runs from right to left on screen (the interface is Arabic). */
const timeRunsLeft = () => dirOf(uiLang()) === 'rtl';

export function handleTimeKey(key: string, ctx: ReturnType<typeof useApp>): boolean {
  const s = ctx.store.getState();
  const { posts, stepMs, domain } = ctx.timeline;
  // The arrow that points towards later on screen.
  const later = timeRunsLeft() ? 'ArrowLeft' : 'ArrowRight';
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowRight':
      s.setTime(s.t + (key === later ? stepMs : -stepMs));
      return true;
    case 'ArrowDown':
      s.setTime(s.t - stepMs);
      return true;
    case 'ArrowUp':
      s.setTime(s.t + stepMs);
      return true;
    case 'PageUp':
      s.setTime(previousPostTime(s.t, posts) ?? domain[0]);
      return true;
    case 'PageDown':
      s.setTime(nextPostTime(s.t, posts) ?? domain[1]);
      return true;
    case 'Home':
      s.setTime(domain[0]);
      return true;
    case 'End':
      s.setTime(domain[1]);
      return true;
    case ' ':
      s.setPlaying(!s.playing);
      return true;
    default:
      return false;
  }
}

export function TimeSlider() {
  const ctx = useApp();
  const { timeline } = ctx;
  const [start, end] = timeline.domain;
  const t = useAppState((s) => s.t);
  const track = useRef<HTMLDivElement>(null);
  const lang = uiLang();
  const share = (x: number) => (end > start ? (x - start) / (end - start) : 0);

  const timeAtPointer = (clientX: number) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return start;
    const along = timeRunsLeft() ? box.right - clientX : clientX - box.left;
    const f = Math.min(1, Math.max(0, along / box.width));
    return start + f * (end - start);
  };
  const onPointerDown = (e: PointerEvent) => {
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    (e.currentTarget as HTMLElement).focus();
    ctx.store.getState().setTime(timeAtPointer(e.clientX));
  };
  const onPointerMove = (e: PointerEvent) => {
    if ((e.currentTarget as HTMLElement).hasPointerCapture(e.pointerId))
      ctx.store.getState().setTime(timeAtPointer(e.clientX));
  };
  const onPointerUp = (e: PointerEvent) => {
    const raw = timeAtPointer(e.clientX);
    ctx.store.getState().setTime(snapToPost(raw, timeline.posts, SNAP_SHARE * (end - start)));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (handleTimeKey(e.key, ctx)) e.preventDefault();
  };

  return (
    <div class="slider">
      <div
        class="slider-track"
        ref={track}
        role="slider"
        tabIndex={0}
        aria-label={tr('time.slider')}
        aria-valuemin={start}
        aria-valuemax={end}
        aria-valuenow={Math.round(t)}
        aria-valuetext={formatUtcInWords(t, lang)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <div class="slider-fill-clip">
          <div class="slider-fill" style={{ transform: `translateX(${share(t) * 100}%)` }} />
        </div>
        {timeline.posts.map((p) => (
          <span
            key={p.id}
            class="slider-tick"
            style={{ left: `${share(p.t) * 100}%` }}
            title={tr('time.postTick', { when: formatUtcInWords(p.t, lang), title: p.title })}
          />
        ))}
        <div class="slider-thumb-rail" style={{ transform: `translateX(${share(t) * 100}%)` }}>
          <div class="slider-thumb" />
        </div>
      </div>
      <div class="slider-ends" aria-hidden="true">
        <span>{formatUtcDate(start, lang)}</span>
        <span>{formatUtcDate(end, lang)}</span>
      </div>
    </div>
  );
}
