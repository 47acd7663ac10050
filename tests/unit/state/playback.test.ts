import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/state/playback';
import { createAppStore } from '../../../src/state/store';

describe('playback model', () => {
  it('advances by speed × elapsed time and stops at the end', () => {
    expect(advance(0, 3_600_000, 500, 10_000_000)).toEqual({ t: 1_800_000, done: false });
    expect(advance(9_000_000, 3_600_000, 1000, 10_000_000)).toEqual({ t: 10_000_000, done: true });
  });
});

describe('store', () => {
  const store = () =>
    createAppStore({ domain: [0, 1000], t: 5000, view: { center: [37, 36], zoom: 8 } });
  it('clamps time into the domain', () => {
    const s = store();
    expect(s.getState().t).toBe(1000);
    s.getState().setTime(-5);
    expect(s.getState().t).toBe(0);
  });
  it('toggles layers keeping their canonical order', () => {
    const s = store();
    s.getState().toggleLayer('zones', false);
    expect(s.getState().visible).toEqual(['fronts', 'places', 'reports']);
    s.getState().toggleLayer('zones', true);
    expect(s.getState().visible).toEqual(['zones', 'fronts', 'places', 'reports']);
  });
  it('notifies a time subscriber without touching other slices', () => {
    const s = store();
    const seen: number[] = [];
    s.subscribe(
      (st) => st.t,
      (t) => seen.push(t),
    );
    const layers = s.getState().visible;
    s.getState().setTime(10);
    s.getState().setTime(10);
    expect(seen).toEqual([10]);
    expect(s.getState().visible).toBe(layers);
  });
});
