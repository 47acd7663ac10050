/**
 * Keeps the URL hash current with the store, and applies hash edits. The hash is written once the
 * state rests (URL_REST_MS): a replaceState on every other step of a scrub cost a fifth to a quarter of a map frame
 * (docs/performance.md), and a link is only copied from a map at rest. A pending write is made
 * before the page is hidden or left.
 */
import { NO_FILTER } from '../data/filter/report-filter';
import { debounce } from '../lib/throttle';
import { formatHash, parseHash } from './url';
import type { AppStore } from './store';

/** How long the state must rest before the hash is written. */
export const URL_REST_MS = 300;

/** Returns an unsubscribe function. */
export function bindUrl(store: AppStore, win: Window = window): () => void {
  const write = debounce(() => {
    const s = store.getState();
    const hash = formatHash({
      t: s.t,
      center: s.view.center,
      zoom: s.view.zoom,
      layers: s.visible,
      compare: s.compareA === null ? undefined : { a: s.compareA, b: s.t },
      filter: s.filter,
      window: s.pinWindow,
    });
    if (win.location.hash !== hash) win.history.replaceState(null, '', hash);
  }, URL_REST_MS);
  const unsub = store.subscribe(
    (s) => [s.t, s.view, s.visible, s.compareA, s.filter, s.pinWindow] as const,
    write,
    { equalityFn: (a, b) => a.every((x, i) => x === b[i]) },
  );
  // A user editing the hash by hand (or following an in-page link) moves the app there.
  const onHashChange = () => {
    const h = parseHash(win.location.hash);
    const s = store.getState();
    if (h.t !== undefined) s.setTime(h.t);
    s.setCompareA(h.compare ? h.compare.a : null);
    if (h.layers) s.setVisible(h.layers);
    s.setFilter(h.filter ?? NO_FILTER);
    s.setPinWindow(h.window ?? 'all');
    if (h.center || h.zoom !== undefined)
      s.setView({ center: h.center ?? s.view.center, zoom: h.zoom ?? s.view.zoom }, 'app');
  };
  const flush = () => write.flush();
  win.addEventListener('hashchange', onHashChange);
  win.addEventListener('pagehide', flush);
  win.addEventListener('visibilitychange', flush);
  return () => {
    unsub();
    write.cancel();
    win.removeEventListener('hashchange', onHashChange);
    win.removeEventListener('pagehide', flush);
    win.removeEventListener('visibilitychange', flush);
  };
}
