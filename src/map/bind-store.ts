/**
 * Subscribes the map controller to store slices: the store drives the map, never re-renders.
 * Call once the map is ready; every subscription fires at once so the map catches up with
 * whatever changed while it loaded.
 */
import { WINDOW_MS } from '../data/filter/pin-window';
import type { AppStore } from '../state/store';
import type { MapController } from './controller';

const now = { fireImmediately: true };

/** Returns an unsubscribe function. */
export function bindStoreToMap(store: AppStore, map: MapController): () => void {
  const unsubs = [
    store.subscribe(
      (s) => s.t,
      (t) => map.applyTime(t),
      now,
    ),
    store.subscribe(
      (s) => s.visible,
      (v) => map.setVisibleLayers(v),
      now,
    ),
    store.subscribe(
      (s) => s.selectedReport,
      (id) => map.showReport(id),
      now,
    ),
    store.subscribe(
      (s) => s.checked,
      (c) => map.setPreview(c?.reports ?? []),
      now,
    ),
    store.subscribe(
      (s) => s.drafting,
      (on) => map.setDrafting(on),
      now,
    ),
    store.subscribe(
      (s) => s.draftPoint,
      (at) => map.setDraftPoint(at),
      now,
    ),
    store.subscribe(
      (s) => s.comparison,
      (c) => map.setComparison(c),
      now,
    ),
    store.subscribe(
      (s) => s.filter,
      (f) => map.setReportFilter(f),
      now,
    ),
    store.subscribe(
      (s) => s.pinWindow,
      (w) => map.setPinWindow(WINDOW_MS[w]),
      now,
    ),
    store.subscribe(
      (s) => s.selectedPlace,
      (id) => map.showPlace(id),
    ),
    store.subscribe(
      (s) => s.view,
      (view) => {
        if (store.getState().viewOrigin === 'app') map.setView(view);
      },
    ),
  ];
  return () => {
    for (const u of unsubs) u();
  };
}
