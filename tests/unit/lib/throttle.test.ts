import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, throttle } from '../../../src/lib/throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call of a quiet spell at once', () => {
    const seen: number[] = [];
    const f = throttle((n: number) => seen.push(n), 1000);
    f(1);
    expect(seen).toEqual([1]);
  });

  it('runs a burst once more at the end of its window, with the latest arguments', () => {
    const seen: number[] = [];
    const f = throttle((n: number) => seen.push(n), 1000);
    for (let n = 1; n <= 10; n++) {
      f(n);
      vi.advanceTimersByTime(50);
    }
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 10]);
  });

  it('keeps to one call per window during a long burst', () => {
    const seen: number[] = [];
    const f = throttle((n: number) => seen.push(n), 1000);
    // 100 calls over 5 s: the first, then one per window.
    for (let n = 1; n <= 100; n++) {
      f(n);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(1000);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeLessThanOrEqual(7);
    expect(seen.at(-1)).toBe(100);
  });

  it('drops the trailing call when cancelled', () => {
    const seen: number[] = [];
    const f = throttle((n: number) => seen.push(n), 1000);
    f(1);
    f(2);
    f.cancel();
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual([1]);
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once calls have stopped, with the latest arguments', () => {
    const seen: number[] = [];
    const f = debounce((n: number) => seen.push(n), 300);
    for (let n = 1; n <= 10; n++) {
      f(n);
      vi.advanceTimersByTime(100);
    }
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(seen).toEqual([10]);
  });

  it('flushes a pending call now, and nothing when none is pending', () => {
    const seen: number[] = [];
    const f = debounce((n: number) => seen.push(n), 300);
    f(1);
    f.flush();
    f.flush();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1]);
  });
});
