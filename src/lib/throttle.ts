export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending trailing call (e.g. when its owner is torn down). */
  cancel(): void;
}

/**
 * Calls `fn` at most once per `ms`, always with the latest arguments: the first call of a quiet
 * spell runs at once, and the last one of a burst runs when its window ends (trailing call kept).
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const call = (...args: A) => {
    pending = args;
    const wait = last + ms - Date.now();
    if (wait <= 0 && !timer) {
      last = Date.now();
      fn(...args);
      pending = null;
      return;
    }
    if (!timer)
      timer = setTimeout(
        () => {
          timer = null;
          last = Date.now();
          if (pending) fn(...pending);
          pending = null;
        },
        Math.max(0, wait),
      );
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return call;
}

export interface Debounced<A extends unknown[]> extends Throttled<A> {
  /** Runs a pending call now (e.g. before the page goes away). */
  flush(): void;
}

/** Calls `fn` once calls have stopped for `ms`, with the latest arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    timer = null;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const call = (...args: A) => {
    pending = args;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  call.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  return call;
}
