import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindUrl, URL_REST_MS } from '../../../src/state/bind-url';
import { createAppStore } from '../../../src/state/store';
import { parseHash } from '../../../src/state/url';

/** The parts of a window bindUrl uses: a location hash, replaceState and events. */
function fakeWindow() {
  const listeners = new Map<string, Set<() => void>>();
  const writes: string[] = [];
  const win = {
    location: { hash: '' },
    history: {
      replaceState: (_: unknown, __: string, hash: string) => {
        writes.push(hash);
        win.location.hash = hash;
      },
    },
    addEventListener: (type: string, f: () => void) =>
      listeners.set(type, (listeners.get(type) ?? new Set()).add(f)),
    removeEventListener: (type: string, f: () => void) => listeners.get(type)?.delete(f),
    fire: (type: string) => {
      for (const f of listeners.get(type) ?? []) f();
    },
  };
  return { win, writes };
}

const DAY = 86_400_000;
const store = () =>
  createAppStore({ domain: [0, 100 * DAY], t: 0, view: { center: [37, 36], zoom: 8 } });

describe('the URL follows the store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the hash once a scrub rests, not on every step', () => {
    const s = store();
    const { win, writes } = fakeWindow();
    bindUrl(s, win as unknown as Window);
    for (let day = 1; day <= 20; day++) {
      s.getState().setTime(day * DAY);
      vi.advanceTimersByTime(URL_REST_MS / 3);
    }
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(URL_REST_MS);
    expect(writes).toHaveLength(1);
    expect(parseHash(writes[0]).t).toBe(20 * DAY);
  });

  it('writes a pending change at once when the page is hidden', () => {
    const s = store();
    const { win, writes } = fakeWindow();
    bindUrl(s, win as unknown as Window);
    s.getState().setTime(3 * DAY);
    win.fire('pagehide');
    expect(writes.map((h) => parseHash(h).t)).toEqual([3 * DAY]);
    vi.advanceTimersByTime(URL_REST_MS * 2);
    expect(writes).toHaveLength(1);
  });

  it('stops writing once unbound', () => {
    const s = store();
    const { win, writes } = fakeWindow();
    const unbind = bindUrl(s, win as unknown as Window);
    s.getState().setTime(3 * DAY);
    unbind();
    vi.advanceTimersByTime(URL_REST_MS * 2);
    win.fire('pagehide');
    expect(writes).toEqual([]);
  });
});
