/**
 * Reads a slice of the app store in a component and re-renders only when that slice changes
 * (Object.is). Preact hooks directly, so no React compatibility layer is needed.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Timeline } from '../data/timeline';
import type { Dataset } from '../data/types';
import type { AppState, AppStore } from '../state/store';

export interface AppContextValue {
  store: AppStore;
  dataset: Dataset;
  timeline: Timeline;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp needs an <AppContext.Provider>');
  return ctx;
}

export function useAppState<U>(selector: (s: AppState) => U): U {
  const { store } = useApp();
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    setValue(selector(store.getState()));
    return store.subscribe(selector, (v) => setValue(() => v));
    // The selector is expected to be stable in meaning for a component's life.
  }, [store]);
  return value;
}
