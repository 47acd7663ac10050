/**
 * The dataset loader in a Web Worker: fetching, parsing and validating a large dataset (tens of
 * MB) happens off the main thread, so the page never freezes; progress is posted as it goes.
 * The worker also builds the map features, so the main thread receives them ready to draw.
 * A dataset's compiled file, when it matches its sources, replaces all of that (compiled/).
 */
import { DATA_CODE_HASH } from './compiled/code-hash';
import { openCompiled } from './compiled/open';
import type { MapFeatures } from './map-features';
import type { Problem } from './problems';
import type { Dataset } from './types';

export type WorkerRequest = { url: string; topology: boolean };
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'base'; dataset: Dataset; problems: Problem[]; features: MapFeatures }
  | { type: 'done'; dataset: Dataset | null; problems: Problem[]; features: MapFeatures | null }
  | { type: 'failed'; message: string };

/** Posts a message; a zone mesh's buffers are moved, not copied (the worker never reuses them). */
const post = (m: WorkerMessage) => {
  const mesh = 'features' in m ? m.features?.zoneMesh : undefined;
  (self as unknown as Worker).postMessage(
    m,
    mesh ? [mesh.vertices.buffer, mesh.fillVertices.buffer, mesh.indices.buffer] : [],
  );
};

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  try {
    // --- Precompiled dataset (src/data/compiled/, docs/compiled-data.md) ---
    // Used only when every source's SHA-256 matches; else `read` hands the bytes it fetched to
    // the GeoJSON loader below. The app's loads skip the topology rules, as the compiler does.
    const progress = (done: number, total: number) => post({ type: 'progress', done, total });
    const compiled = await openCompiled(
      e.data.url,
      e.data.topology ? '' : DATA_CODE_HASH,
      progress,
    );
    console.info(`Precompiled dataset: ${compiled.note}`);
    if (compiled.loaded) return post({ type: 'done', ...compiled.loaded });
    // The GeoJSON loader, validators and triangulator are a chunk of their own, fetched only
    // now: a compiled dataset opens without them (the app's start JS budget, app.test.ts).
    const [{ loadDataset }, { featuresWithMeshOnce }] = await Promise.all([
      import('./load'),
      import('./zone-mesh'),
    ]);
    // --- end of the precompiled branch ---
    /** The map's features, with the zones' mesh in the first message that carries features. */
    const forMap = featuresWithMeshOnce();
    const { dataset, problems } = await loadDataset(
      e.data.url,
      compiled.read,
      (done, total) => post({ type: 'progress', done, total }),
      {
        topology: e.data.topology,
        onBase: (dataset, problems) =>
          post({ type: 'base', dataset, problems, features: forMap(dataset) }),
      },
    );
    post({ type: 'done', dataset, problems, features: dataset ? forMap(dataset) : null });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
