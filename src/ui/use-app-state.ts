/**
 * Reads a slice of the app store in a component and re-renders only when that slice changes
 * (Object.is). Preact hooks directly, so no React compatibility layer is needed.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useReducer, useRef } from 'preact/hooks';
import type { Timeline } from '../data/timeline';
import type { Dataset } from '../data/types';
import type { ExportSize } from '../lib/export-compose';
import type { AppState, AppStore } from '../state/store';

export interface AppContextValue {
  store: AppStore;
  dataset: Dataset;
  timeline: Timeline;
  /** Renders the current moment and view as a PNG (the map controller does it; UI never
   * touches the map). */
  exportImage(size: ExportSize): Promise<Blob>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp needs an <AppContext.Provider>');
  return ctx;
}

/**
 * Reads a slice of the store and re-renders when it changes (Object.is). The latest selector is
 * used on every store change, so a selector that closes over props or context (a new timeline
 * when report files arrive) never goes stale.
 */
export function useAppState<U>(selector: (s: AppState) => U): U {
  const { store } = useApp();
  const value = selector(store.getState());
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(
    () =>
      store.subscribe((s) => {
        if (!Object.is(latest.current.selector(s), latest.current.value)) rerender(0);
      }),
    [store],
  );
  return value;
}
