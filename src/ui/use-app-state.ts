/**
 * Reads a slice of the app store in a component and re-renders only when that slice changes
 * (Object.is). Preact hooks directly, so no React compatibility layer is needed.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { type FilteredReports, filterReports } from '../data/filter/filtered-reports';
import type { Timeline } from '../data/timeline';
import type { Dataset } from '../data/types';
import type { ExportSize } from '../lib/export-compose';
import { throttle } from '../lib/throttle';
import type { VideoExportHooks, VideoExportResult, VideoSpec } from '../lib/video-plan';
import type { AppState, AppStore } from '../state/store';

export interface AppContextValue {
  store: AppStore;
  dataset: Dataset;
  timeline: Timeline;
  /** Renders the current moment and view as a PNG (the map controller does it; UI never
   * touches the map). */
  exportImage(size: ExportSize): Promise<Blob>;
  /** Renders the current view and layers as a video from moment A to B (the controller steps an
   * offscreen map; see src/map/export/export-video.ts). */
  exportVideo(spec: VideoSpec, hooks?: VideoExportHooks): Promise<VideoExportResult>;
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

/**
 * The store's time, re-rendering at most once per `ms` while it keeps moving: the first step of
 * a scrub or playback shows at once, the last one when the window ends. For parts of the page
 * whose redraw costs more than a map frame (a long list): each DOM change repaints its region.
 */
export function useThrottledTime(ms: number): number {
  const { store } = useApp();
  const [t, setT] = useState(() => store.getState().t);
  useEffect(() => {
    const update = throttle(() => setT(store.getState().t), ms);
    const unsub = store.subscribe((s) => s.t, update);
    // A change between the first render and this subscription is not missed.
    update();
    return () => {
      unsub();
      update.cancel();
    };
  }, [store, ms]);
  return t;
}

/** The reports the store's filter lets through (one computation shared with the map). */
export function useFilteredReports(): FilteredReports {
  const { dataset } = useApp();
  const filter = useAppState((s) => s.filter);
  return filterReports(dataset.reports, filter);
}
