/** Calls `fn` at most once per `ms`, always with the latest arguments (trailing call kept). */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
): (...args: A) => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  return (...args: A) => {
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
}
