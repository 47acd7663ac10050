/**
 * The parts of a zone mesh (zone-mesh.ts) the map needs at draw time: its layout, and which
 * ranges are active at a moment. Kept apart from the builder so the app's main bundle does not
 * carry the triangulator; the mesh is built in the loading worker.
 */
/** Floats per vertex: Web Mercator x and y (0..1), distance along the ring (Mercator units),
 * and a code: faction index + APPROXIMATE (approximate zone) + BREAK (gap between rings)
 * + CONTESTED (contested zone) + OTHER × the other contesting faction's index. Every part is
 * a bit field of an integer below 2^24, so a float holds it exactly. */
export const VERTEX_FLOATS = 4;
/** Floats per fill vertex: Mercator x and y, and the same code. */
export const FILL_FLOATS = 3;
export const APPROXIMATE = 64;
export const BREAK = 128;
export const CONTESTED = 256;
/** Multiplier of the other contesting faction's index in a code. */
export const OTHER = 512;

/**
 * A zone's vertex code: its faction's index (unknown factions after the known ones), marked
 * approximate, and, when contested (`other` the other side's id, '' for none), the other side.
 */
export function zoneCode(
  factionIds: readonly string[],
  faction: string,
  approximate: boolean,
  other: string,
): number {
  const index = (id: string) => {
    const i = factionIds.indexOf(id);
    return i < 0 ? factionIds.length : i;
  };
  return (
    index(faction) +
    (approximate ? APPROXIMATE : 0) +
    (other ? CONTESTED + OTHER * index(other) : 0)
  );
}

/** True when a vertex code marks a break between rings. */
export const isBreak = (code: number): boolean => (Math.round(code) & BREAK) !== 0;
/** Factions a mesh can tell apart (the code's faction part). */
export const MAX_FACTIONS = 64;

/** Where one zone lies in the mesh, and when it is drawn. */
export interface ZoneRange {
  id: string;
  t0: number;
  t1: number;
  /** First index and count in `indices` (triangles of the fill). */
  fillFirst: number;
  fillCount: number;
  /** First vertex and count of edge segments (segment i joins vertex i and i + 1). */
  lineFirst: number;
  lineCount: number;
  /** Bounding box in Mercator units: [minX, minY, maxX, maxY]. */
  bbox: [number, number, number, number];
}

export interface ZoneMesh {
  /** Ring vertices, for the edges. */
  vertices: Float32Array;
  /** Fill vertices: the polygons cut into cells of CELL (see zone-mesh.ts), for the triangles. */
  fillVertices: Float32Array;
  /** Triangles, as indices into `fillVertices`. */
  indices: Uint32Array;
  /** In buffer order, which is ascending t0 (then t1). */
  zones: ZoneRange[];
}

/** Web Mercator, x and y in 0..1 (as MapLibre's MercatorCoordinate). */
export function mercator([lon, lat]: number[]): [number, number] {
  return [mercatorX(lon), mercatorY(lat)];
}

/** mercator's x alone (the same arithmetic, no array). */
export const mercatorX = (lon: number) => (180 + lon) / 360;

/** mercator's y alone (the same arithmetic, no array). */
export const mercatorY = (lat: number) =>
  (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

/** The zones active at t (t0 <= t < t1), in buffer order. */
export function activeZones(zones: readonly ZoneRange[], t: number): ZoneRange[] {
  const out: ZoneRange[] = [];
  for (const z of zones) {
    if (z.t0 > t) break;
    if (t < z.t1) out.push(z);
  }
  return out;
}

export interface DrawRanges {
  fills: [number, number][];
  lines: [number, number][];
}

/** Merged [first, count] ranges of the zones active at t (t0 <= t < t1), fills and edges. */
export function activeRanges(zones: readonly ZoneRange[], t: number): DrawRanges {
  return rangesOf(activeZones(zones, t));
}

/** Merged [first, count] ranges of these zones (in buffer order): neighbours are one draw. */
export function rangesOf(active: readonly ZoneRange[]): DrawRanges {
  const fills: [number, number][] = [];
  const lines: [number, number][] = [];
  const add = (list: [number, number][], first: number, count: number) => {
    const last = list[list.length - 1];
    if (last && last[0] + last[1] === first) last[1] += count;
    else if (count > 0) list.push([first, count]);
  };
  for (const z of active) {
    add(fills, z.fillFirst, z.fillCount);
    add(lines, z.lineFirst, z.lineCount);
  }
  return { fills, lines };
}

/** Widest float texture the edge layer puts ring vertices in (one RGBA texel per vertex). */
export const EDGE_TEXTURE_WIDTH = 4096;

/**
 * The size of the float texture holding `vertices` ring vertices, one texel each, on a device
 * whose MAX_TEXTURE_SIZE is `maxSize` (WebGL 2 guarantees 2,048): rows of at most
 * EDGE_TEXTURE_WIDTH (or maxSize) texels. Null when they do not fit: the zone layer then draws
 * the fills without edges and warns.
 */
export function edgeTextureSize(
  vertices: number,
  maxSize: number,
): { width: number; rows: number } | null {
  const width = Math.min(EDGE_TEXTURE_WIDTH, maxSize);
  const rows = Math.max(1, Math.ceil(vertices / width));
  return rows <= maxSize ? { width, rows } : null;
}

/** Writes ring vertices (x, y, distance along the ring, code; VERTEX_FLOATS each) one after
 * another into `vertices`: the one layout buildZoneMesh writes and the compiled file's edge
 * rebuild (compiled/ring-vertices.ts) writes again. `written()` is how many so far. */
export function vertexWriter(vertices: Float32Array) {
  let v = 0;
  return {
    put(x: number, y: number, dist: number, code: number) {
      const o = v * VERTEX_FLOATS;
      vertices[o] = x;
      vertices[o + 1] = y;
      vertices[o + 2] = dist;
      vertices[o + 3] = code;
      v++;
    },
    written: () => v,
  };
}
