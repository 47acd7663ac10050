/**
 * Playback as a model: {domain, t, speed, playing} advanced by one requestAnimationFrame loop.
 * Reaching the end stops playback; pressing Play at the end starts over from the beginning.
 */
import type { AppStore } from './store';

/** Next time for a frame: t advanced by speed (data ms per real second) over dtMs real ms. */
export function advance(
  t: number,
  speed: number,
  dtMs: number,
  end: number,
): { t: number; done: boolean } {
  const next = t + (speed * dtMs) / 1000;
  return next >= end ? { t: end, done: true } : { t: next, done: false };
}

/** Starts the loop driver; returns a function that stops it. */
export function bindPlayback(store: AppStore): () => void {
  let frame = 0;
  let last = 0;
  const step = (now: number) => {
    const s = store.getState();
    if (!s.playing) return;
    const { t, done } = advance(s.t, s.speed, Math.min(now - last, 100), s.domain[1]);
    last = now;
    s.setTime(t);
    if (done) s.setPlaying(false);
    else frame = requestAnimationFrame(step);
  };
  const unsub = store.subscribe(
    (s) => s.playing,
    (playing) => {
      cancelAnimationFrame(frame);
      if (!playing) return;
      const s = store.getState();
      if (s.t >= s.domain[1]) s.setTime(s.domain[0]);
      last = performance.now();
      frame = requestAnimationFrame(step);
    },
  );
  return () => {
    unsub();
    cancelAnimationFrame(frame);
  };
}
