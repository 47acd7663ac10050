/**
 * The dataset loader in a Web Worker: fetching, parsing and validating a large dataset (tens of
 * MB) happens off the main thread, so the page never freezes; progress is posted as it goes.
 * The worker also builds the map features, so the main thread receives them ready to draw.
 *
 * What crosses to the page, and how (load-in-worker.ts puts it back together):
 * - the zone mesh's buffers are transferred, not copied;
 * - zone geometries travel packed (packed-geometry.ts: flat typed arrays, transferred), not as
 *   GeoJSON trees, whose structured clone held the page for seconds on a year of daily fronts;
 *   the page rebuilds a geometry only when something reads it;
 * - the checked manifest goes first (`manifest`), so the page can open the basemap meanwhile;
 * - the zones go once, with the base layers: `done` names the zone ids it keeps, and the page
 *   takes those zones from `base` (the same objects).
 */
import { fetchText, loadDataset } from './load';
import type { MapFeatures, ZoneFeatureProps } from './map-features';
import { featuresWithMeshOnce } from './zone-mesh';
import { type PackedGeometries, packedBuffers, packGeometries } from './packed-geometry';
import type { Problem } from './problems';
import type { Dataset, Manifest, Zone } from './types';

export type WorkerRequest = { url: string; topology: boolean };

/** A dataset on the wire: its zones without their geometry (see `WireZones`). */
export type WireDataset = Omit<Dataset, 'zones'> & { zones: Omit<Zone, 'geometry'>[] };
/** Map features on the wire: the zone features without their geometry. */
export type WireFeatures = Omit<MapFeatures, 'zones'> & {
  zones: {
    type: 'FeatureCollection';
    features: { type: 'Feature'; properties: ZoneFeatureProps }[];
  };
};
/** The zones' geometries, in the order of `dataset.zones` (and of the zone features); or, once
 * they were sent, the ids of the zones the page keeps from the earlier message. */
export type WireZones = { packed: PackedGeometries } | { sameAsBase: string[] };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'manifest'; manifest: Manifest }
  | {
      type: 'base';
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

/** The map's features, with the zones' mesh in the first message that carries features. */
const forMap = featuresWithMeshOnce();
let zonesSent = false;

/** The dataset and its features for the wire: zone geometries packed the first time, then
 * named by id. */
function toWire(dataset: Dataset) {
  const features = forMap(dataset);
  const zones: WireZones = zonesSent
    ? { sameAsBase: dataset.zones.map((z) => z.id) }
    : { packed: packGeometries(dataset.zones.map((z) => z.geometry)) };
  const firstTime = !zonesSent;
  zonesSent = true;
  return {
    dataset: {
      ...dataset,
      zones: firstTime ? dataset.zones.map(({ geometry: _, ...z }) => z) : [],
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

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  try {
    const { dataset, problems } = await loadDataset(
      e.data.url,
      fetchText,
      (done, total) => post({ type: 'progress', done, total }),
      {
        topology: e.data.topology,
        onManifest: (manifest) => post({ type: 'manifest', manifest }),
        onBase: (dataset, problems) => post({ type: 'base', problems, ...toWire(dataset) }),
      },
    );
    if (!dataset) post({ type: 'done', dataset, problems, features: null, zones: null });
    else post({ type: 'done', problems, ...toWire(dataset) });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
