/**
 * Zone geometries packed into flat typed arrays, so the loading worker hands them to the page
 * by transfer (no copy) instead of structured-cloning a tree of millions of small arrays: for a
 * year of daily front lines (24 MB of GeoJSON) that clone alone held the main thread for
 * seconds (docs/performance.md, "Loading a year of real-shaped daily zones"). The page draws
 * zones from the mesh (zone-mesh.ts), so it needs a geometry only for what asks for one (a
 * comparison, the state export, the tiled fall-back), and rebuilds it then, once.
 */
import type { MultiPolygon, Polygon } from 'geojson';

export interface PackedGeometries {
  /** Longitude, latitude pairs, every ring of every geometry in order (exact doubles). */
  coords: Float64Array;
  /** Per ring: the index of its end (exclusive) in pairs. */
  ringEnds: Uint32Array;
  /** Per polygon: the index of its end (exclusive) in rings. */
  polygonEnds: Uint32Array;
  /** Per geometry: the index of its end (exclusive) in polygons. */
  geometryEnds: Uint32Array;
  /** Per geometry: 1 for a MultiPolygon, 0 for a Polygon. */
  multi: Uint8Array;
}

/** Packs Polygons and MultiPolygons, in order. */
export function packGeometries(geometries: readonly (Polygon | MultiPolygon)[]): PackedGeometries {
  let pairs = 0;
  let rings = 0;
  let polygons = 0;
  const polygonsOf = (g: Polygon | MultiPolygon) =>
    g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const g of geometries)
    for (const p of polygonsOf(g)) {
      polygons++;
      for (const r of p) {
        rings++;
        pairs += r.length;
      }
    }
  const out: PackedGeometries = {
    coords: new Float64Array(pairs * 2),
    ringEnds: new Uint32Array(rings),
    polygonEnds: new Uint32Array(polygons),
    geometryEnds: new Uint32Array(geometries.length),
    multi: new Uint8Array(geometries.length),
  };
  let [c, r, p] = [0, 0, 0];
  for (const [i, g] of geometries.entries()) {
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        for (const pt of ring) {
          out.coords[c++] = pt[0];
          out.coords[c++] = pt[1];
        }
        out.ringEnds[r++] = c / 2;
      }
      out.polygonEnds[p++] = r;
    }
    out.geometryEnds[i] = p;
    out.multi[i] = g.type === 'MultiPolygon' ? 1 : 0;
  }
  return out;
}

/** The geometry at index i, rebuilt as GeoJSON. */
export function unpackGeometry(packed: PackedGeometries, i: number): Polygon | MultiPolygon {
  const { coords, ringEnds, polygonEnds, geometryEnds } = packed;
  const firstPolygon = i > 0 ? geometryEnds[i - 1] : 0;
  const polygons: number[][][][] = [];
  for (let p = firstPolygon; p < geometryEnds[i]; p++) {
    const rings: number[][][] = [];
    for (let r = p > 0 ? polygonEnds[p - 1] : 0; r < polygonEnds[p]; r++) {
      const ring: number[][] = [];
      for (let k = r > 0 ? ringEnds[r - 1] : 0; k < ringEnds[r]; k++)
        ring.push([coords[2 * k], coords[2 * k + 1]]);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return packed.multi[i]
    ? { type: 'MultiPolygon', coordinates: polygons }
    : { type: 'Polygon', coordinates: polygons[0] };
}

/** The buffers to transfer with a message carrying `packed`. */
export const packedBuffers = (packed: PackedGeometries): ArrayBuffer[] =>
  [packed.coords, packed.ringEnds, packed.polygonEnds, packed.geometryEnds, packed.multi].map(
    (a) => a.buffer as ArrayBuffer,
  );

/**
 * Gives each object (`owners[k][i]` for every k) a `geometry` read from `packed[i]`, rebuilt on
 * first read and then kept: the owners lists are the dataset's zones and the map's zone
 * features, which share each geometry.
 */
export function attachPackedGeometries(
  packed: PackedGeometries,
  ...owners: readonly object[][]
): void {
  const built: (Polygon | MultiPolygon | undefined)[] = [];
  for (const list of owners)
    for (const [i, o] of list.entries()) {
      attached.set(o, { packed, i });
      Object.defineProperty(o, 'geometry', {
        enumerable: true,
        configurable: true,
        get: () => {
          built[i] ??= unpackGeometry(packed, i);
          return built[i];
        },
      });
    }
}

/** Which packed geometries, and which of them, an owner's lazy `geometry` reads. */
const attached = new WeakMap<object, { packed: PackedGeometries; i: number }>();

/**
 * The packed geometries behind `list`'s lazy geometries (attachPackedGeometries), when they are
 * exactly those, in order: they can then go on the wire as they are, none rebuilt. Else null.
 */
export function packedFor(list: readonly object[]): PackedGeometries | null {
  const packed = list.length ? attached.get(list[0])?.packed : undefined;
  if (!packed || packed.geometryEnds.length !== list.length) return null;
  for (const [i, o] of list.entries()) {
    const a = attached.get(o);
    if (a?.packed !== packed || a.i !== i) return null;
  }
  return packed;
}

/** An object's own properties but `geometry`, which is not read (a lazy one stays unbuilt). */
export function withoutGeometry<T extends object>(o: T): Omit<T, 'geometry'> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (k !== 'geometry') out[k] = (o as Record<string, unknown>)[k];
  return out as Omit<T, 'geometry'>;
}
