/**
 * Compare mode: whenever moment A or B (t) changes while comparing, asks the runner (a worker)
 * for the comparison and stores it; stale results are dropped. `refresh()` recomputes (after the
 * report files arrive, the reports in between change).
 */
import type { Comparison } from '../data/compare/compare';
import type { CompareRunner } from '../data/compare/compare-in-worker';
import type { AppStore } from './store';

export function bindCompare(
  store: AppStore,
  /** The runner, made on first use (its code is a chunk fetched then). */
  runner: () => Promise<CompareRunner>,
): { unsubscribe(): void; refresh(): void } {
  const run = async (a: number | null, b: number) => {
    if (a === null) return;
    (await runner()).request(a, b, (result: Comparison | Error) => {
      const s = store.getState();
      if (s.compareA !== a || s.t !== b) return; // moved on meanwhile
      if (result instanceof Error)
        s.addProblems([
          {
            severity: 'error',
            file: 'compare',
            message: `The comparison failed: ${result.message}`,
          },
        ]);
      else s.setComparison(result);
    });
  };
  const unsubscribe = store.subscribe(
    (s) => [s.compareA, s.t] as const,
    ([a, b]) => void run(a, b),
    { equalityFn: (x, y) => x[0] === y[0] && x[1] === y[1], fireImmediately: true },
  );
  return {
    unsubscribe,
    refresh: () => void run(store.getState().compareA, store.getState().t),
  };
}
