/**
 * The dataset loader in a Web Worker: fetching, parsing and validating a large dataset (tens of
 * MB) happens off the main thread, so the page never freezes; progress is posted as it goes.
 * The worker also builds the map features, so the main thread receives them ready to draw.
 *
 * What crosses to the page, and how (load-in-worker.ts puts it back together):
 * - the zone mesh is built on several threads (mesh workers, mesh-parts.ts) and its buffers are
 *   transferred, not copied;
 * - zone geometries travel packed (packed-geometry.ts: flat typed arrays, transferred), not as
 *   GeoJSON trees, whose structured clone held the page for seconds on a year of daily fronts;
 *   the page rebuilds a geometry only when something reads it;
 * - the checked manifest goes first (`manifest`), so the page can open the basemap meanwhile;
 * - newest first (first-zones.ts): `first` carries the zones active at the opening time, with
 *   places, fronts and posts, as soon as the zones file is parsed; the page opens the map on it;
 * - `base` then carries every zone (all days), with the base layers; `done` names the zone ids
 *   it keeps, and the page takes those zones from `base` (the same objects).
 * A dataset's compiled file, when it matches its sources, replaces the loading, validation and
 * triangulation (compiled/, docs/compiled-data.md) and goes on the same wire.
 */
import { DATA_CODE_HASH } from '../compiled/code-hash';
import { openCompiled } from '../compiled/open';
import { buildMapFeatures, type MapFeatures, type ZoneFeatureProps } from '../map-features';
import { inMeshOrder, joinMeshes, splitEvenly, vertexCount } from './mesh-parts';
import type { MeshReply, MeshRequest } from './mesh-worker';
import {
  type PackedGeometries,
  packedBuffers,
  packedFor,
  packGeometries,
  withoutGeometry,
} from './packed-geometry';
import type { buildZoneMesh } from '../zones/zone-mesh';
import type { ZoneMesh } from '../zones/zone-ranges';
import type { Problem } from '../problems';
import type { Dataset, Manifest, Zone } from '../types';

/** `openAt`: the time the page opens at from its link, if any (load.ts, onFirst). After
 * `first`, the worker waits for `continue`: the page has drawn it (the other days' validation
 * and triangulation would otherwise take the CPU that drawing needs). */
export type WorkerRequest =
  | { url: string; topology: boolean; openAt?: number }
  | { continue: true };

/** A dataset on the wire: its zones without their geometry (see `WireZones`). */
export type WireDataset = Omit<Dataset, 'zones'> & { zones: Omit<Zone, 'geometry'>[] };
/** Map features on the wire: the zone features without their geometry. */
export type WireFeatures = Omit<MapFeatures, 'zones'> & {
  zones: {
    type: 'FeatureCollection';
    features: { type: 'Feature'; properties: ZoneFeatureProps }[];
  };
};
/** The zones' geometries, in the order of `dataset.zones` (and of the zone features); or, when
 * every zone was in the last message that carried geometries, the ids of the zones the page
 * keeps from it. */
export type WireZones = { packed: PackedGeometries } | { sameAsBase: string[] };

export type WorkerMessage =
  /** Files read; or, with `days`, steps of the other days' zones after the first (checked,
   * then each mesh part triangulated). */
  | { type: 'progress'; done: number; total: number; days?: boolean }
  | { type: 'manifest'; manifest: Manifest }
  | {
      type: 'first' | 'base';
      dataset: WireDataset;
      problems: Problem[];
      features: WireFeatures;
      zones: WireZones;
    }
  | {
      type: 'done';
      dataset: WireDataset | null;
      problems: Problem[];
      features: WireFeatures | null;
      zones: WireZones | null;
    }
  | { type: 'failed'; message: string };

/** Posts a message, moving (not copying) the zone mesh's and packed geometries' buffers. */
const post = (m: WorkerMessage) => {
  const transfer: ArrayBuffer[] = [];
  const mesh = 'features' in m ? m.features?.zoneMesh : undefined;
  if (mesh)
    transfer.push(
      mesh.vertices.buffer as ArrayBuffer,
      mesh.fillVertices.buffer as ArrayBuffer,
      mesh.indices.buffer as ArrayBuffer,
    );
  if ('zones' in m && m.zones && 'packed' in m.zones)
    transfer.push(...packedBuffers(m.zones.packed));
  (self as unknown as Worker).postMessage(m, transfer);
};

type ZoneFeature = MapFeatures['zones']['features'][number];
type BuildZoneMesh = typeof buildZoneMesh;

/** Threads that triangulate at once: this one and up to 3 mesh workers (the machine's cores). */
const MESH_THREADS = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));

/** One part of the zones triangulated by a mesh worker (mesh-worker.ts). */
function meshInWorker(zones: ZoneFeature[], factionIds: string[]): Promise<ZoneMesh> {
  const worker = new Worker(new URL('./mesh-worker.ts', import.meta.url), { type: 'module' });
  const packed = packGeometries(zones.map((z) => z.geometry));
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<MeshReply>) => {
      worker.terminate();
      if ('mesh' in e.data) resolve(e.data.mesh);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error('a mesh worker failed'));
    };
    worker.postMessage(
      { props: zones.map((z) => z.properties), packed, factionIds } satisfies MeshRequest,
      packedBuffers(packed),
    );
  });
}

/**
 * The zone mesh, built on several threads when there is much to triangulate: the zones in mesh
 * order are split into parts of about equal vertex counts; mesh workers take all but the first,
 * which this worker builds meanwhile. If a mesh worker cannot start or fails, this worker
 * builds everything itself.
 */
async function zoneMeshOf(
  zones: ZoneFeature[],
  factionIds: string[],
  buildZoneMesh: BuildZoneMesh,
  onPart?: (done: number, total: number) => void,
): Promise<ZoneMesh> {
  const whole = () => buildZoneMesh({ type: 'FeatureCollection', features: zones }, factionIds);
  const sorted = inMeshOrder(zones);
  const weights = sorted.map((z) => vertexCount(z.geometry));
  // Below ~100,000 vertices a worker's start costs more than it saves.
  const threads = weights.reduce((a, b) => a + b, 0) > 100_000 ? MESH_THREADS : 1;
  const ends = splitEvenly(weights, threads);
  if (ends.length === 1) return whole();
  try {
    const runs = ends.map((end, k) => sorted.slice(k ? ends[k - 1] : 0, end));
    let built = 0;
    const part = (mesh: ZoneMesh) => {
      onPart?.(++built, runs.length);
      return mesh;
    };
    onPart?.(0, runs.length);
    const others = runs.slice(1).map((run) => meshInWorker(run, factionIds).then(part));
    const first = part(buildZoneMesh({ type: 'FeatureCollection', features: runs[0] }, factionIds));
    return joinMeshes([first, ...(await Promise.all(others))]);
  } catch {
    return whole();
  }
}

/** The ids of the zones whose geometries (and mesh) the last message carried. */
let zonesSent: Set<string> | null = null;

/** The dataset and its features for the wire: the mesh and the packed zone geometries when
 * some zone is new to the page, else the zones named by id. `ready` is a compiled dataset's
 * features, mesh included; else they are built here, the mesh with `buildZoneMesh`. */
async function toWire(
  dataset: Dataset,
  ready?: MapFeatures,
  buildZoneMesh?: BuildZoneMesh,
  onPart?: (done: number, total: number) => void,
) {
  const features: MapFeatures = ready ?? buildMapFeatures(dataset);
  const sent = zonesSent;
  const firstTime = !sent || dataset.zones.some((z) => !sent.has(z.id));
  if (firstTime) zonesSent = new Set(dataset.zones.map((z) => z.id));
  if (firstTime && !features.zoneMesh && buildZoneMesh)
    features.zoneMesh = await zoneMeshOf(
      features.zones.features,
      dataset.manifest.factions.map((f) => f.id),
      buildZoneMesh,
      onPart,
    );
  // A compiled dataset's zones come packed (compiled/codec.ts): sent as they are, unread.
  const zones: WireZones = firstTime
    ? { packed: packedFor(dataset.zones) ?? packGeometries(dataset.zones.map((z) => z.geometry)) }
    : { sameAsBase: dataset.zones.map((z) => z.id) };
  return {
    dataset: {
      ...dataset,
      zones: firstTime ? dataset.zones.map(withoutGeometry) : [],
    },
    features: {
      ...features,
      zones: {
        type: 'FeatureCollection' as const,
        features: firstTime
          ? features.zones.features.map((f) => ({
              type: 'Feature' as const,
              properties: f.properties,
            }))
          : [],
      },
    },
    zones,
  };
}

/** Resolves the wait after `first` (see WorkerRequest). */
let resume: () => void = () => {};

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  if ('continue' in e.data) return resume();
  const request = e.data;
  try {
    const progress = (done: number, total: number) => post({ type: 'progress', done, total });
    // --- Precompiled dataset (src/data/compiled/, docs/compiled-data.md) ---
    // Used only when every source's SHA-256 matches; else `read` hands the bytes it fetched to
    // the GeoJSON loader below. The app's loads skip the topology rules, as the compiler does.
    const compiled = await openCompiled(
      request.url,
      request.topology ? '' : DATA_CODE_HASH,
      progress,
    );
    console.info(`Precompiled dataset: ${compiled.note}`);
    if (compiled.loaded) {
      const { dataset, problems, features } = compiled.loaded;
      if (!dataset || !features)
        return post({ type: 'done', dataset: null, problems, features: null, zones: null });
      post({ type: 'manifest', manifest: dataset.manifest });
      return post({ type: 'done', problems, ...(await toWire(dataset, features)) });
    }
    // The GeoJSON loader, validators and triangulator are a chunk of their own, fetched only
    // now: a compiled dataset opens without them (the app's start JS budget, app.test.ts).
    const [{ loadDataset }, { buildZoneMesh }] = await Promise.all([
      import('./load'),
      import('../zones/zone-mesh'),
    ]);
    // --- end of the precompiled branch ---
    let base: Promise<void> | undefined;
    let firstSent = false;
    const { dataset, problems } = await loadDataset(request.url, compiled.read, progress, {
      topology: request.topology,
      openAt: request.openAt,
      onFirst: async (dataset) => {
        const drawn = new Promise<void>((res) => (resume = res));
        post({ type: 'first', problems: [], ...(await toWire(dataset, undefined, buildZoneMesh)) });
        firstSent = true;
        await drawn;
      },
      onManifest: (manifest) => post({ type: 'manifest', manifest }),
      onBase: (dataset, problems) => {
        // After the first zones: the other days are checked (one step), then triangulated.
        const days = (done: number, parts: number) =>
          post({ type: 'progress', done: 1 + done, total: 1 + parts, days: true });
        base = toWire(dataset, undefined, buildZoneMesh, firstSent ? days : undefined).then(
          (wire) => post({ type: 'base', problems, ...wire }),
        );
      },
    });
    await base;
    if (!dataset) post({ type: 'done', dataset, problems, features: null, zones: null });
    else post({ type: 'done', problems, ...(await toWire(dataset, undefined, buildZoneMesh)) });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
