/**
 * Loads a dataset in a Web Worker (src/data/load-worker.ts) and resolves with the dataset, its
 * problems and the map features. Falls back to loading on the main thread if no worker can be
 * started (an old browser, a strict Content-Security-Policy).
 */
import { fetchText, loadDataset, type LoadResult } from './load';
import type { WorkerMessage, WorkerRequest } from './load-worker';
import { buildMapFeatures, type MapFeatures } from './map-features';

export type LoadedForMap = LoadResult & { features: MapFeatures | null };

export function loadForMap(
  url: string,
  onProgress: (done: number, total: number) => void,
  topology = false,
): Promise<LoadedForMap> {
  const onMainThread = async () => {
    const r = await loadDataset(url, fetchText, onProgress, { topology });
    return { ...r, features: r.dataset ? buildMapFeatures(r.dataset) : null };
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onMainThread();
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else {
        worker.terminate();
        if (m.type === 'done')
          resolve({ dataset: m.dataset, problems: m.problems, features: m.features });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      onMainThread().then(resolve, reject);
    };
    worker.postMessage({ url, topology } satisfies WorkerRequest);
  });
}
