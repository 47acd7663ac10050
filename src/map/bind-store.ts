/** Subscribes the map controller to store slices: the store drives the map, never re-renders. */
import type { AppStore } from '../state/store';
import type { MapController } from './controller';

/** Returns an unsubscribe function. */
export function bindStoreToMap(store: AppStore, map: MapController): () => void {
  const unsubs = [
    store.subscribe(
      (s) => s.t,
      (t) => map.applyTime(t),
    ),
    store.subscribe(
      (s) => s.visible,
      (v) => map.setVisibleLayers(v),
    ),
    store.subscribe(
      (s) => s.selectedReport,
      (id) => map.showReport(id),
      { fireImmediately: true },
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
