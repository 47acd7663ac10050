/**
 * Encodes and decodes a compiled dataset's content (format.ts has the layout): the JSON section
 * for everything small and irregular, typed arrays for what is large and regular (zone and
 * front coordinates, the zone mesh). Pure; the decoded mesh arrays own their buffers, so the
 * worker can transfer them without a copy.
 */
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { Problem } from '../problems';
import type { Dataset, Front, Zone } from '../types';
import { FILL_FLOATS, type ZoneMesh, type ZoneRange } from '../zones/zone-ranges';
import { attachPackedGeometries, type PackedGeometries } from '../load/packed-geometry';
import { ringVertices } from './ring-vertices';
import {
  FormatError,
  type Header,
  HASHED_FROM,
  layout,
  readHeader,
  REQUIRED_SECTIONS,
  SECTION,
  type SourceEntry,
  sha256,
} from './format';

export interface CompiledContent {
  dataset: Dataset;
  problems: Problem[];
  zoneMesh: ZoneMesh;
  /** On decoding: the zones' geometries as they are stored, behind the zones' lazy `geometry`
   * (null when some zone's geometry was not stored packed). */
  zonesPacked?: PackedGeometries | null;
}

type Lined = Polygon | MultiPolygon | LineString | MultiLineString;
const TYPE_CODE = { Polygon: 0, MultiPolygon: 1, LineString: 2, MultiLineString: 3 } as const;
const CODE_TYPE = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'] as const;

/** The geometry's lines (rings or line strings) grouped by part, or null when any position is
 * not a plain [lon, lat] pair (such a geometry stays in the JSON section). */
function partsOf(g: Lined): number[][][][] | null {
  const parts =
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? g.coordinates
        : g.type === 'LineString'
          ? [[g.coordinates]]
          : [g.coordinates];
  for (const part of parts)
    for (const line of part)
      for (const p of line) if (p.length !== 2 || typeof p[0] !== 'number') return null;
  return parts;
}

/** Writes a geometry's structure into `parts` and its positions into `coords` (the layout
 * geometry() in decodeCompiled reads back). */
function putGeometry(g: Lined, lines: number[][][][], parts: number[], coords: number[]) {
  const putLine = (line: number[][]) => {
    parts.push(line.length);
    for (const [x, y] of line) coords.push(x, y);
  };
  const putLines = (part: number[][][]) => {
    parts.push(part.length);
    for (const line of part) putLine(line);
  };
  parts.push(TYPE_CODE[g.type]);
  if (g.type === 'LineString') putLine(lines[0][0]);
  else if (g.type === 'MultiPolygon') {
    parts.push(lines.length);
    for (const part of lines) putLines(part);
  } else putLines(lines[0]);
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The mesh's triangle indices as sections: 16-bit offsets from each zone's smallest index
 * (sections 7 and 8) when every zone's triangles span at most 65,536 fill vertices, as a daily
 * zone's do by far; else the 32-bit indices as they are (section 6).
 */
function indexSections(indices: Uint32Array, zones: readonly ZoneRange[]) {
  const bases = new Uint32Array(zones.length);
  const narrow = new Uint16Array(indices.length);
  const wide = [{ id: SECTION.meshIndices, bytes: bytesOf(indices) }];
  let covered = 0;
  for (const [z, { fillFirst, fillCount }] of zones.entries()) {
    const end = fillFirst + fillCount;
    let lo = Number.POSITIVE_INFINITY;
    let hi = -1;
    for (let i = fillFirst; i < end; i++) {
      if (indices[i] < lo) lo = indices[i];
      if (indices[i] > hi) hi = indices[i];
    }
    if (hi - lo > 0xffff) return wide;
    if (fillCount === 0) continue;
    bases[z] = lo;
    for (let i = fillFirst; i < end; i++) narrow[i] = indices[i] - lo;
    covered += fillCount;
  }
  if (covered !== indices.length) return wide;
  return [
    { id: SECTION.meshIndexBases, bytes: bytesOf(bases) },
    { id: SECTION.meshIndices16, bytes: bytesOf(narrow) },
  ];
}

/** The triangle indices from section 6, or rebuilt from sections 7 and 8 (indexSections). */
function readIndices(
  has: (id: number) => boolean,
  section: (id: number) => ArrayBufferLike,
  zones: readonly ZoneRange[],
): Uint32Array {
  if (has(SECTION.meshIndices)) return new Uint32Array(section(SECTION.meshIndices));
  const bases = new Uint32Array(section(SECTION.meshIndexBases));
  const narrow = new Uint16Array(section(SECTION.meshIndices16));
  if (bases.length !== zones.length) throw new FormatError('the mesh does not match its zones');
  const out = new Uint32Array(narrow.length);
  let covered = 0;
  for (const [z, { fillFirst, fillCount }] of zones.entries()) {
    const end = fillFirst + fillCount;
    if (end > out.length) throw new FormatError('the mesh does not match its zones');
    const base = bases[z];
    for (let i = fillFirst; i < end; i++) out[i] = base + narrow[i];
    covered += fillCount;
  }
  if (covered !== out.length) throw new FormatError('the mesh does not match its zones');
  return out;
}

/** Positions are stored as whole numbers of this many per degree when they all are (section 9). */
const E7 = 1e7;

/**
 * The positions as section 9 (i32, times 10^7) when every one of them comes back exactly, the
 * same bits (a position written with at most 7 decimals does: dividing the integer by 10^7 is
 * correctly rounded to the double nearest that decimal, which is what parsing it gave); else as
 * they are (section 3).
 */
function coordSection(coords: readonly number[]) {
  const scaled = new Int32Array(coords.length);
  for (let i = 0; i < coords.length; i++) {
    const q = Math.round(coords[i] * E7);
    scaled[i] = q;
    // (Read back from the Int32Array: out of range, or -0, does not come back.)
    if (Math.abs(q) > 0x7fffffff || !Object.is(scaled[i] / E7, coords[i]))
      return { id: SECTION.geometryCoords, bytes: bytesOf(Float64Array.from(coords)) };
  }
  return { id: SECTION.geometryCoordsE7, bytes: bytesOf(scaled) };
}

/** The positions from section 3, or from section 9 (coordSection). */
function readCoords(has: (id: number) => boolean, section: (id: number) => ArrayBufferLike) {
  if (has(SECTION.geometryCoords)) return new Float64Array(section(SECTION.geometryCoords));
  const scaled = new Int32Array(section(SECTION.geometryCoordsE7));
  const out = new Float64Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) out[i] = scaled[i] / E7;
  return out;
}

/**
 * The fill vertices as sections 10 (x, y) and 11 (the codes, run-length: one run per zone or
 * fewer), a third smaller than storing each vertex's code.
 */
function fillSections(fill: Float32Array) {
  const n = fill.length / FILL_FLOATS;
  const xy = new Float32Array(2 * n);
  const bits = new Uint32Array(fill.buffer, fill.byteOffset, fill.length);
  const runs: number[] = [];
  for (let v = 0; v < n; v++) {
    xy[2 * v] = fill[FILL_FLOATS * v];
    xy[2 * v + 1] = fill[FILL_FLOATS * v + 1];
    const code = bits[FILL_FLOATS * v + 2];
    if (runs.length > 0 && runs[runs.length - 2] === code) runs[runs.length - 1]++;
    else runs.push(code, 1);
  }
  return [
    { id: SECTION.meshFillXY, bytes: bytesOf(xy) },
    { id: SECTION.meshFillCodeRuns, bytes: bytesOf(Uint32Array.from(runs)) },
  ];
}

/** The fill vertices (FILL_FLOATS each) from sections 10 and 11 (fillSections). */
function readFill(section: (id: number) => ArrayBufferLike): Float32Array {
  const xy = new Float32Array(section(SECTION.meshFillXY));
  const runs = new Uint32Array(section(SECTION.meshFillCodeRuns));
  const n = xy.length / 2;
  const out = new Float32Array(n * FILL_FLOATS);
  const bits = new Uint32Array(out.buffer);
  let v = 0;
  for (let r = 0; r + 1 < runs.length; r += 2) {
    const end = v + runs[r + 1];
    if (end > n) throw new FormatError('the fill codes do not match the fill vertices');
    for (; v < end; v++) {
      out[FILL_FLOATS * v] = xy[2 * v];
      out[FILL_FLOATS * v + 1] = xy[2 * v + 1];
      bits[FILL_FLOATS * v + 2] = runs[r];
    }
  }
  if (v !== n || runs.length % 2 !== 0)
    throw new FormatError('the fill codes do not match the fill vertices');
  return out;
}

/** Encodes the content into a compiled file (format.ts) for these sources and code. */
export async function encodeCompiled(
  content: CompiledContent,
  sources: readonly SourceEntry[],
  codeHash: string,
): Promise<Uint8Array> {
  const parts: number[] = [];
  const coords: number[] = [];
  const strip = <F extends Zone | Front>(features: readonly F[]) =>
    features.map((f) => {
      const lines = partsOf(f.geometry);
      if (!lines) return f;
      putGeometry(f.geometry, lines, parts, coords);
      return { ...f, geometry: null };
    });
  const { dataset, problems, zoneMesh } = content;
  const json = {
    manifest: dataset.manifest,
    posts: dataset.posts,
    zones: strip(dataset.zones),
    fronts: strip(dataset.fronts),
    places: dataset.places,
    reports: dataset.reports,
    problems,
    meshZones: zoneMesh.zones,
  };
  const file = layout(codeHash, sources, [
    { id: SECTION.json, bytes: new TextEncoder().encode(JSON.stringify(json)) },
    { id: SECTION.geometryParts, bytes: bytesOf(Uint32Array.from(parts)) },
    coordSection(coords),
    ...fillSections(zoneMesh.fillVertices),
    ...indexSections(zoneMesh.indices, zoneMesh.zones),
  ]);
  const bodyHash = await sha256(file.subarray(HASHED_FROM));
  file.set(
    Uint8Array.from(bodyHash.match(/../g) ?? [], (h) => Number.parseInt(h, 16)),
    48,
  );
  return file;
}

/**
 * Checks the header and the body hash (so a corrupt file is refused, never half-read), and
 * returns the header; throws FormatError.
 */
export async function checkCompiled(bytes: Uint8Array): Promise<Header> {
  const header = readHeader(bytes);
  if ((await sha256(bytes.subarray(HASHED_FROM))) !== header.bodyHash)
    throw new FormatError('its content does not match its hash (corrupt)');
  const has = (id: number) => header.sections.has(id);
  for (const id of REQUIRED_SECTIONS)
    if (!has(id)) throw new FormatError(`section ${id} is missing`);
  if (!has(SECTION.meshIndices) && !(has(SECTION.meshIndexBases) && has(SECTION.meshIndices16)))
    throw new FormatError('the mesh triangles are missing');
  if (!has(SECTION.geometryCoords) && !has(SECTION.geometryCoordsE7))
    throw new FormatError('the positions are missing');
  return header;
}

/** Decodes a checked file's content; `baseUrl` is the manifest's URL (as the loader sets it). */
export function decodeCompiled(
  bytes: Uint8Array,
  header: Header,
  baseUrl: string,
): CompiledContent {
  // A fresh copy of each section: typed arrays need aligned offsets, and owned buffers can be
  // transferred to the page without copying again.
  const section = (id: number) => {
    const s = header.sections.get(id);
    if (!s) throw new FormatError(`section ${id} is missing`);
    return bytes.buffer.slice(bytes.byteOffset + s.offset, bytes.byteOffset + s.offset + s.length);
  };
  const json = JSON.parse(new TextDecoder().decode(section(SECTION.json)));
  const parts = new Uint32Array(section(SECTION.geometryParts));
  const has = (id: number) => header.sections.has(id);
  const coords = readCoords(has, section);
  let p = 0;
  let c = 0;
  const line = () => {
    const n = parts[p++];
    const out: number[][] = new Array(n);
    for (let i = 0; i < n; i++, c += 2) out[i] = [coords[c], coords[c + 1]];
    return out;
  };
  const lines = () => {
    const n = parts[p++];
    const out: number[][][] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = line();
    return out;
  };
  const geometry = (): Lined => {
    const type = CODE_TYPE[parts[p++]];
    if (type === 'Polygon') return { type, coordinates: lines() };
    if (type === 'LineString') return { type, coordinates: line() };
    if (type === 'MultiLineString') return { type, coordinates: lines() };
    if (type === 'MultiPolygon') {
      const n = parts[p++];
      const coordinates: number[][][][] = new Array(n);
      for (let i = 0; i < n; i++) coordinates[i] = lines();
      return { type, coordinates };
    }
    throw new FormatError('an unknown geometry type');
  };
  // The zones' geometries (most of the file) stay packed: each is built on first read
  // (attachPackedGeometries), and the loading worker sends them to the page as they are.
  let zonesPacked: PackedGeometries | null = null;
  if (json.zones.every((z: { geometry: unknown }) => z.geometry === null)) {
    const ringEnds: number[] = [];
    const polygonEnds: number[] = [];
    const n = json.zones.length;
    const geometryEnds = new Uint32Array(n);
    const multi = new Uint8Array(n);
    let pairs = 0;
    const rings = () => {
      for (let r = parts[p++]; r > 0; r--) {
        pairs += parts[p++];
        ringEnds.push(pairs);
      }
      polygonEnds.push(ringEnds.length);
    };
    for (let i = 0; i < n; i++) {
      const type = CODE_TYPE[parts[p++]];
      if (type === 'Polygon') rings();
      else if (type === 'MultiPolygon') {
        multi[i] = 1;
        for (let k = parts[p++]; k > 0; k--) rings();
      } else throw new FormatError('a zone that is not an area');
      geometryEnds[i] = polygonEnds.length;
    }
    if (pairs * 2 > coords.length)
      throw new FormatError('the geometry sections do not match the features');
    zonesPacked = {
      coords: coords.slice(0, pairs * 2),
      ringEnds: Uint32Array.from(ringEnds),
      polygonEnds: Uint32Array.from(polygonEnds),
      geometryEnds,
      multi,
    };
    c = pairs * 2;
    attachPackedGeometries(zonesPacked, json.zones);
  }
  for (const f of zonesPacked ? json.fronts : [...json.zones, ...json.fronts])
    if (f.geometry === null) f.geometry = geometry();
  if (p !== parts.length || c !== coords.length)
    throw new FormatError('the geometry sections do not match the features');
  const { manifest, posts, zones, fronts, places, reports, problems, meshZones } = json;
  return {
    dataset: { manifest, baseUrl, posts, zones, fronts, places, reports },
    problems,
    zonesPacked,
    zoneMesh: {
      vertices: ringVertices(
        meshZones,
        zones,
        manifest.factions.map((f: { id: string }) => f.id),
        zonesPacked,
      ),
      fillVertices: readFill(section),
      indices: readIndices(has, section, meshZones),
      zones: meshZones,
    },
  };
}
