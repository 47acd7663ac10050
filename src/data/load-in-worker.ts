/**
 * Loads a dataset in a Web Worker (src/data/load-worker.ts) and resolves with the dataset, its
 * problems and the map features. Falls back to loading on the main thread if no worker can be
 * started (an old browser, a strict Content-Security-Policy); that path's loader, validators
 * and triangulator are fetched only then, so it is not in the app's main bundle.
 */
import type { LoadResult } from './load';
import type { WorkerMessage, WorkerRequest } from './load-worker';
import type { MapFeatures } from './map-features';

export type LoadedForMap = LoadResult & { features: MapFeatures | null };

/**
 * `onBase` receives zones, places and posts (no reports yet) as soon as they are in, so the map
 * can open while report files still load; the promise resolves with everything.
 */
export function loadForMap(
  url: string,
  onProgress: (done: number, total: number) => void,
  onBase: (base: LoadedForMap) => void,
  topology = false,
): Promise<LoadedForMap> {
  const onMainThread = async () => {
    const [{ loadDataset }, { featuresWithMeshOnce }, { openCompiled }, { DATA_CODE_HASH }] =
      await Promise.all([
        import('./load'),
        import('./zone-mesh'),
        import('./compiled/open'),
        import('./compiled/code-hash'),
      ]);
    // --- Precompiled dataset, as in load-worker.ts (docs/compiled-data.md) ---
    const compiled = await openCompiled(url, topology ? '' : DATA_CODE_HASH, onProgress);
    console.info(`Precompiled dataset: ${compiled.note}`);
    if (compiled.loaded) return compiled.loaded;
    // --- end of the precompiled branch ---
    const forMap = featuresWithMeshOnce();
    const r = await loadDataset(url, compiled.read, onProgress, {
      topology,
      onBase: (dataset, problems) => onBase({ dataset, problems, features: forMap(dataset) }),
    });
    return { ...r, features: r.dataset ? forMap(r.dataset) : null };
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
      else if (m.type === 'base')
        onBase({ dataset: m.dataset, problems: m.problems, features: m.features });
      else {
        // For npm run bench:compiled: when the loaded dataset reached the page.
        performance.mark('dataset-loaded');
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
