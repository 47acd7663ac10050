/**
 * Opens a dataset from its compiled file when, and only when, that file is intact, was built by
 * this app's data code, and every source it was built from still has the same SHA-256 (the
 * manifest, the posts, each layer file, each folder's index and file). The sources are fetched
 * anyway, and their bytes are kept: when the compiled file cannot be used, `read` serves them to
 * the GeoJSON loader, so the fall-back fetches nothing twice. A stale file is never used.
 */
import type { LoadedForMap } from '../load/load-in-worker';
import type { ReadText } from '../load/load';
import { attachPackedGeometries, withoutGeometry } from '../load/packed-geometry';
import { buildMapFeatures } from '../map-features';
import type { Zone } from '../types';
import { checkCompiled, decodeCompiled } from './codec';
import { compiledUrlFor, readHeader, readSourceTable, type SourceEntry, sha256 } from './format';

export interface Opened {
  /** The dataset, its problems and its map features; null: load from the GeoJSON. */
  loaded: LoadedForMap | null;
  /** Reads a file as text, from the bytes already fetched when there are some. */
  read: ReadText;
  /** Why the compiled file was or was not used, for a console note. */
  note: string;
}

const fetchBytes = async (url: string): Promise<ArrayBuffer> => {
  const res = await fetch(url);
  // The same message as the GeoJSON loader's fetchText, since a problem may quote it.
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  return res.arrayBuffer();
};

/**
 * Fetches a file as it streams in, calling `onSources` once the source table at its start has
 * arrived; resolves with all its bytes.
 */
async function fetchStreaming(
  url: string,
  onSources: (sources: SourceEntry[]) => void,
): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let announced = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    // (Given up after 4 MB, so a file whose table never completes is not re-joined per chunk.)
    if (!announced && length <= 4e6) {
      const head = chunks.length === 1 ? value : join(chunks, length);
      const sources = readSourceTable(head);
      if (sources) {
        announced = true;
        onSources(sources);
      }
    }
  }
  return join(chunks, length);
}

const join = (chunks: Uint8Array[], length: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

export async function openCompiled(
  manifestUrl: string,
  codeHash: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Opened> {
  const fetched = new Map<string, Promise<ArrayBuffer>>();
  const key = (url: string) => new URL(url, manifestUrl).href;
  const get = (url: string) => {
    let p = fetched.get(key(url));
    if (!p) {
      p = fetchBytes(key(url));
      // Kept for the fall-back; an unhandled rejection here would only be noise.
      p.catch(() => {});
      fetched.set(key(url), p);
    }
    return p;
  };
  const read: ReadText = async (url) => {
    const p = fetched.get(key(url));
    if (!p) return fetchBytes(url).then((b) => new TextDecoder().decode(b));
    return new TextDecoder().decode(await p);
  };
  const without = (why: string): Opened => ({ loaded: null, read, note: why });
  // Web Crypto needs a secure context (https, or localhost); without it, no hash: no compiled file.
  if (!codeHash) return without('this build has no data code hash');
  if (!globalThis.crypto?.subtle) return without('no Web Crypto here (not https?)');
  get(manifestUrl);
  // Each source's hash, started as soon as the compiled file's source table has arrived, while
  // the rest of it downloads (the bytes serve the fall-back too, so this is never wasted).
  const origin = new URL(manifestUrl).origin;
  const hashes = new Map<string, Promise<string>>();
  let done = 0;
  const hashSources = (sources: readonly SourceEntry[]) => {
    for (const s of sources) {
      if (hashes.has(s.path)) continue;
      const url = s.path === '' ? manifestUrl : key(s.path);
      // Only files on the manifest's origin: a corrupt table must not send requests elsewhere
      // before the body hash has refused it.
      const bytes = new URL(url).origin === origin ? get(url) : Promise.reject();
      const hash = bytes.then(
        (b) => sha256(b),
        () => '',
      );
      hashes.set(s.path, hash);
      hash.then(() => onProgress?.(++done, sources.length));
    }
  };
  let bytes: Uint8Array;
  try {
    bytes = await fetchStreaming(compiledUrlFor(manifestUrl), hashSources);
  } catch (e) {
    return without(`none found (${e instanceof Error ? e.message : e})`);
  }
  try {
    const header = readHeader(bytes);
    if (header.codeHash !== codeHash) return without('it was built by another version of the app');
    hashSources(header.sources);
    const [intact, got] = await Promise.all([
      checkCompiled(bytes).then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ),
      Promise.all(header.sources.map((s) => hashes.get(s.path))),
    ]);
    if (intact) return without(`unreadable (${intact})`);
    const changed = header.sources.filter((s, i) => s.sha256 !== got[i]);
    if (changed.length)
      return without(
        `a source changed since it was compiled: ${changed.map((s) => s.path || 'the manifest').join(', ')}`,
      );
    const { dataset, problems, zoneMesh, zonesPacked } = decodeCompiled(bytes, header, manifestUrl);
    // The zones' geometries stay packed (codec.ts): the features are built without reading them,
    // and read them lazily too.
    const features = buildMapFeatures(
      zonesPacked ? { ...dataset, zones: dataset.zones.map(withoutGeometry) as Zone[] } : dataset,
    );
    if (zonesPacked) attachPackedGeometries(zonesPacked, features.zones.features);
    return {
      loaded: { dataset, problems, features: { ...features, zoneMesh } },
      read,
      note: `opened from ${compiledUrlFor(manifestUrl)}`,
    };
  } catch (e) {
    return without(`unreadable (${e instanceof Error ? e.message : e})`);
  }
}
