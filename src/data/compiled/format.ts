/**
 * The precompiled dataset file (`<manifest>.compiled.bin`, docs/compiled-data.md): what the
 * loader computes from the GeoJSON (the validated dataset, its problems, the zones' GPU mesh),
 * stored as plain little-endian typed arrays behind a fixed header, keyed by the SHA-256 of
 * every source file it was built from. Pure: no DOM, no fetch; shared by the worker, the CLI
 * and the build.
 *
 * Layout (byte offsets; every integer u32 little-endian):
 *   0  8  magic "CMAPDATA"          8  4  format version        12 4  flags (0)
 *   16 32 code hash (the app's data code)                       48 32 body hash (SHA-256 of 80..end)
 *   80 4  file length   84 4  source count   88 4  section count   92 4  reserved (0)
 *   96 …  sources: 32-byte SHA-256, u32 flags (1 = missing), u32 path length, UTF-8 path,
 *         zero padding to 4 bytes; the first source is the manifest (path "")
 *   …     sections: u32 id, u32 byte offset (from the file start, a multiple of 8),
 *         u32 byte length, u32 reserved (0)
 *   …     the sections' bytes, each at a multiple of 8, zero padding between them
 */

export const MAGIC = 'CMAPDATA';
/** Bumped whenever the layout or a section's meaning changes. */
export const FORMAT_VERSION = 3;
export const PREAMBLE_BYTES = 96;
/** Where the body hash starts covering: everything after the hashes. */
export const HASHED_FROM = 80;
export const SOURCE_MISSING = 1;

/** Section ids. */
export const SECTION = {
  /** UTF-8 JSON: manifest, posts, features (zone and front geometry null when binary),
   * problems, the mesh's zone ranges, which geometries are binary. */
  json: 1,
  /** u32: each binary geometry's structure (type, part and vertex counts). */
  geometryParts: 2,
  /** f64: every binary geometry's positions, [lon, lat] flat; only when some position is not
   * a whole number of 1e-7 degrees (otherwise section 9). */
  geometryCoords: 3,
  /* 4 is not used: the ring vertices are rebuilt from the coordinates (ring-vertices.ts). */
  /* 5 is not used since version 3: the fill vertices are in sections 10 and 11. */
  /** u32: the zone mesh's triangle indices; only when some zone's triangles span more than
   * 65,536 fill vertices (otherwise sections 7 and 8). */
  meshIndices: 6,
  /** u32, one per mesh zone (meshZones' order): the smallest fill vertex its triangles use
   * (0 when it has none). */
  meshIndexBases: 7,
  /** u16: each triangle index less its zone's base (section 7): half the bytes of section 6. */
  meshIndices16: 8,
  /** i32: section 3's positions times 10^7, when each is exactly that integer over 10^7 (as
   * any position written with at most 7 decimals is): half the bytes. */
  geometryCoordsE7: 9,
  /** f32: the zone mesh's fill vertices without their code: x, y. */
  meshFillXY: 10,
  /** u32 pairs: the fill vertices' codes, run by run: the code's f32 bits, then how many
   * consecutive vertices have it (a zone's vertices are consecutive and share its code). */
  meshFillCodeRuns: 11,
} as const;

/**
 * The sections every file has. Besides them, the positions are in section 3 or 9, and the
 * triangles in section 6 or in sections 7 and 8.
 */
export const REQUIRED_SECTIONS = [
  SECTION.json,
  SECTION.geometryParts,
  SECTION.meshFillXY,
  SECTION.meshFillCodeRuns,
] as const;

export interface SourceEntry {
  /** Path relative to the manifest ("" for the manifest itself). */
  path: string;
  /** SHA-256 of the file's bytes, lowercase hex; "" when the file was missing. */
  sha256: string;
}

export interface Header {
  version: number;
  flags: number;
  codeHash: string;
  bodyHash: string;
  length: number;
  sources: SourceEntry[];
  sections: Map<number, { offset: number; length: number }>;
}

const utf8 = new TextEncoder();

export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const unhex = (s: string): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32 && 2 * i < s.length; i++)
    out[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
};

/** SHA-256 of some bytes, lowercase hex (Web Crypto: in browsers, workers and Node 20). */
export async function sha256(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  // (A Uint8Array over a SharedArrayBuffer is refused by digest; none is ever passed here.)
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * Lays out a file from its sources and sections; `bodyHash` is filled in by the caller
 * (encode.ts), which hashes bytes 80..end of the result.
 */
export function layout(
  codeHash: string,
  sources: readonly SourceEntry[],
  sections: readonly { id: number; bytes: Uint8Array }[],
): Uint8Array {
  const paths = sources.map((s) => utf8.encode(s.path));
  let at = PREAMBLE_BYTES;
  for (const p of paths) at += 40 + align(p.length, 4);
  at += 16 * sections.length;
  const offsets: number[] = [];
  for (const s of sections) {
    at = align(at, 8);
    offsets.push(at);
    at += s.bytes.length;
  }
  const length = align(at, 8);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  out.set(utf8.encode(MAGIC), 0);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, 0, true);
  out.set(unhex(codeHash), 16);
  view.setUint32(80, length, true);
  view.setUint32(84, sources.length, true);
  view.setUint32(88, sections.length, true);
  let p = PREAMBLE_BYTES;
  sources.forEach((s, i) => {
    out.set(s.sha256 ? unhex(s.sha256) : new Uint8Array(32), p);
    view.setUint32(p + 32, s.sha256 ? 0 : SOURCE_MISSING, true);
    view.setUint32(p + 36, paths[i].length, true);
    out.set(paths[i], p + 40);
    p += 40 + align(paths[i].length, 4);
  });
  sections.forEach((s, i) => {
    view.setUint32(p, s.id, true);
    view.setUint32(p + 4, offsets[i], true);
    view.setUint32(p + 8, s.bytes.length, true);
    p += 16;
    out.set(s.bytes, offsets[i]);
  });
  return out;
}

/** Thrown for a file that is not a compiled dataset this code can read. */
export class FormatError extends Error {}

/**
 * The source table from the first bytes of a file still arriving, or null until they are all
 * in (or when they make no sense: readHeader will say why). Lets the sources download while
 * the rest of the file does.
 */
export function readSourceTable(prefix: Uint8Array): SourceEntry[] | null {
  if (prefix.length < PREAMBLE_BYTES) return null;
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  const count = view.getUint32(84, true);
  const out: SourceEntry[] = [];
  let p = PREAMBLE_BYTES;
  for (let i = 0; i < count; i++) {
    if (p + 40 > prefix.length) return null;
    const n = view.getUint32(p + 36, true);
    if (p + 40 + n > prefix.length) return null;
    const missing = (view.getUint32(p + 32, true) & SOURCE_MISSING) !== 0;
    out.push({
      sha256: missing ? '' : hex(prefix.subarray(p, p + 32)),
      path: new TextDecoder().decode(prefix.subarray(p + 40, p + 40 + n)),
    });
    p += 40 + align(n, 4);
  }
  return out;
}

/** Reads and checks the header (magic, version, lengths, table bounds); throws FormatError. */
export function readHeader(bytes: Uint8Array): Header {
  if (bytes.length < PREAMBLE_BYTES) throw new FormatError('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw new FormatError('not a compiled dataset (magic)');
  const version = view.getUint32(8, true);
  if (version !== FORMAT_VERSION)
    throw new FormatError(`format version ${version}, this app reads ${FORMAT_VERSION}`);
  const length = view.getUint32(80, true);
  if (length !== bytes.length)
    throw new FormatError(`${bytes.length} bytes where the header says ${length} (truncated?)`);
  const sourceCount = view.getUint32(84, true);
  const sectionCount = view.getUint32(88, true);
  const text = new TextDecoder('utf-8', { fatal: true });
  const need = (end: number) => {
    if (end > length) throw new FormatError('a table runs past the end');
  };
  const sources: SourceEntry[] = [];
  let p = PREAMBLE_BYTES;
  for (let i = 0; i < sourceCount; i++) {
    need(p + 40);
    const missing = (view.getUint32(p + 32, true) & SOURCE_MISSING) !== 0;
    const n = view.getUint32(p + 36, true);
    need(p + 40 + n);
    sources.push({
      sha256: missing ? '' : hex(bytes.subarray(p, p + 32)),
      path: text.decode(bytes.subarray(p + 40, p + 40 + n)),
    });
    p += 40 + align(n, 4);
  }
  const sections = new Map<number, { offset: number; length: number }>();
  for (let i = 0; i < sectionCount; i++) {
    need(p + 16);
    const offset = view.getUint32(p + 4, true);
    const n = view.getUint32(p + 8, true);
    if (offset % 8 !== 0) throw new FormatError('a section is not 8-byte aligned');
    need(offset + n);
    sections.set(view.getUint32(p, true), { offset, length: n });
    p += 16;
  }
  return {
    version,
    flags: view.getUint32(12, true),
    codeHash: hex(bytes.subarray(16, 48)),
    bodyHash: hex(bytes.subarray(48, 80)),
    length,
    sources,
    sections,
  };
}

/** The compiled file's name beside a manifest: `dataset.json` → `dataset.compiled.bin`. */
export function compiledNameFor(manifestPath: string): string {
  return manifestPath.replace(/(\.json)?$/, '.compiled.bin');
}

/** The compiled file's URL for a manifest URL (its query and fragment dropped). */
export function compiledUrlFor(manifestUrl: string): string {
  const u = new URL(manifestUrl);
  u.pathname = compiledNameFor(u.pathname);
  u.search = '';
  u.hash = '';
  return u.href;
}

/** `url` relative to the folder of `base` (both absolute, same origin), e.g. "layers/z.geojson"
 * or "../shared/posts.json"; "" for `base` itself. */
export function relativeUrl(base: string, url: string): string {
  const b = new URL(base);
  const u = new URL(url);
  if (u.origin !== b.origin || u.protocol !== b.protocol)
    throw new FormatError(`${url} is not beside ${base}`);
  if (u.pathname === b.pathname) return '';
  const from = b.pathname.split('/').slice(0, -1);
  const to = u.pathname.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}
