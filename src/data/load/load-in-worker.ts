/**
 * Loads a dataset in a Web Worker (src/data/load/load-worker.ts) and resolves with the dataset, its
 * problems and the map features. Falls back to loading on the main thread if no worker can be
 * started (an old browser, a strict Content-Security-Policy); that path's loader, validators
 * and triangulator are fetched only then, so it is not in the app's main bundle.
 */
import type { LoadResult } from './load';
import type {
  WireDataset,
  WireFeatures,
  WireZones,
  WorkerMessage,
  WorkerRequest,
} from './load-worker';
import type { MapFeatures } from '../map-features';
import { attachPackedGeometries } from './packed-geometry';
import type { Dataset, Manifest } from '../types';

export type LoadedForMap = LoadResult & { features: MapFeatures | null };

/** The longest the loading waits for the page to draw the newest zones (see onBase). */
const FIRST_WAIT_MS = 5000;

/**
 * `onBase` receives zones, places and posts (no reports yet) as soon as they are in, so the map
 * can open while report files still load; the promise resolves with everything. On a large
 * zones file it is called twice: first with only the zones active at the opening time (`openAt`,
 * the link's time; load.ts, onFirst) and `someZones` true, then with every zone; the loading
 * goes on when the promise it returns resolves (the page has drawn those zones). `onManifest` gets the checked
 * manifest before any layer is read (the page opens the basemap meanwhile).
 */
export function loadForMap(
  url: string,
  onProgress: (done: number, total: number, days?: boolean) => void,
  onBase: (base: LoadedForMap, someZones: boolean) => Promise<void> | void,
  topology = false,
  onManifest: (manifest: Manifest) => void = () => {},
  openAt?: number,
): Promise<LoadedForMap> {
  const onMainThread = async () => {
    const [{ loadDataset }, { featuresWithMeshOnce }, { openCompiled }, { DATA_CODE_HASH }] =
      await Promise.all([
        import('./load'),
        import('../zones/zone-mesh'),
        import('../compiled/open'),
        import('../compiled/code-hash'),
      ]);
    // --- Precompiled dataset, as in load-worker.ts (docs/compiled-data.md) ---
    const compiled = await openCompiled(url, topology ? '' : DATA_CODE_HASH, onProgress);
    console.info(`Precompiled dataset: ${compiled.note}`);
    if (compiled.loaded) {
      if (compiled.loaded.dataset) onManifest(compiled.loaded.dataset.manifest);
      return compiled.loaded;
    }
    // --- end of the precompiled branch ---
    const forMap = featuresWithMeshOnce();
    const r = await loadDataset(url, compiled.read, onProgress, {
      topology,
      onManifest,
      onBase: (dataset, problems) =>
        onBase({ dataset, problems, features: forMap(dataset) }, false),
    });
    return { ...r, features: r.dataset ? forMap(r.dataset) : null };
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onMainThread();
  }
  /** The zones as last received with their geometries: `done` reuses them by id. */
  let first: { dataset: Dataset; features: MapFeatures } | null = null;
  /** Puts the wire form (load-worker.ts) back together: zone geometries read lazily from their
   * packed buffers, or the zones of the first message. */
  const fromWire = (dataset: WireDataset, features: WireFeatures, zones: WireZones) => {
    const d = dataset as unknown as Dataset;
    const f = features as unknown as MapFeatures;
    if ('packed' in zones) {
      attachPackedGeometries(zones.packed, d.zones, f.zones.features);
      first = { dataset: d, features: f };
    } else if (first) {
      const keep = new Set(zones.sameAsBase);
      d.zones = first.dataset.zones.filter((z) => keep.has(z.id));
      f.zones = {
        type: 'FeatureCollection',
        features: first.features.zones.features.filter((z) => keep.has(z.properties.id)),
      };
    }
    return { dataset: d, features: f };
  };
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total, m.days);
      else if (m.type === 'manifest') onManifest(m.manifest);
      else if (m.type === 'base')
        onBase({ problems: m.problems, ...fromWire(m.dataset, m.features, m.zones) }, false);
      else if (m.type === 'first')
        // Never more than FIRST_WAIT_MS: a page in a background tab draws nothing.
        Promise.race([
          onBase({ problems: m.problems, ...fromWire(m.dataset, m.features, m.zones) }, true),
          new Promise((res) => setTimeout(res, FIRST_WAIT_MS)),
        ]).finally(() => worker.postMessage({ continue: true } satisfies WorkerRequest));
      else {
        // For npm run bench:compiled: when the loaded dataset reached the page.
        performance.mark('dataset-loaded');
        worker.terminate();
        if (m.type === 'failed') reject(new Error(m.message));
        else if (!m.dataset || !m.features || !m.zones)
          resolve({ dataset: null, problems: m.problems, features: null });
        else resolve({ problems: m.problems, ...fromWire(m.dataset, m.features, m.zones) });
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      onMainThread().then(resolve, reject);
    };
    worker.postMessage({ url, topology, openAt } satisfies WorkerRequest);
  });
}
