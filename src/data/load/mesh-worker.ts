/**
 * Triangulates one part of the zones (mesh-parts.ts) for the loading worker, which runs several
 * of these at once. Input: the zones' properties and their packed geometries (transferred);
 * output: the part's mesh (transferred).
 */
import type { ZoneFeatureProps } from '../map-features';
import { type PackedGeometries, unpackGeometry } from './packed-geometry';
import { buildZoneMesh } from '../zones/zone-mesh';
import type { ZoneMesh } from '../zones/zone-ranges';

export type MeshRequest = {
  props: ZoneFeatureProps[];
  packed: PackedGeometries;
  factionIds: string[];
};
export type MeshReply = { mesh: ZoneMesh } | { error: string };

self.onmessage = (e: MessageEvent<MeshRequest>) => {
  try {
    const { props, packed, factionIds } = e.data;
    const mesh = buildZoneMesh(
      {
        type: 'FeatureCollection',
        features: props.map((properties, i) => ({
          type: 'Feature',
          properties,
          geometry: unpackGeometry(packed, i),
        })),
      },
      factionIds,
    );
    (self as unknown as Worker).postMessage({ mesh } satisfies MeshReply, [
      mesh.vertices.buffer as ArrayBuffer,
      mesh.fillVertices.buffer as ArrayBuffer,
      mesh.indices.buffer as ArrayBuffer,
    ]);
  } catch (err) {
    (self as unknown as Worker).postMessage({
      error: err instanceof Error ? err.message : String(err),
    } satisfies MeshReply);
  }
};
