/**
 * Compiles a dataset: loads it exactly as the app's loading worker does (same validation, no
 * topology rules, the same zone mesh), records the SHA-256 of every file the loader read, and
 * encodes the result (codec.ts). Used by `npm run compile-data` and `npm run build`; pure apart
 * from the reader it is given.
 */
import { loadDataset, type ReadText } from '../load/load';
import type { Problem } from '../problems';
import { featuresWithMeshOnce } from '../zones/zone-mesh';
import { encodeCompiled } from './codec';
import { relativeUrl, type SourceEntry, sha256 } from './format';

/** Reads a file's bytes; throws (with the message the app would show, e.g. "HTTP 404 Not
 * Found") when it cannot. */
export type ReadBytes = (url: string) => Promise<Uint8Array>;

export interface Compiled {
  /** The file's bytes; null when the manifest itself could not be used (nothing to compile). */
  bytes: Uint8Array | null;
  problems: Problem[];
  sources: SourceEntry[];
}

export async function compileDataset(
  manifestUrl: string,
  readBytes: ReadBytes,
  codeHash: string,
): Promise<Compiled> {
  // Every file the loader reads, once (it reads a file again to locate a cross-file problem).
  const files = new Map<string, Promise<Uint8Array>>();
  const read: ReadText = async (url) => {
    let bytes = files.get(url);
    if (!bytes) {
      bytes = readBytes(url);
      files.set(url, bytes);
    }
    return new TextDecoder().decode(await bytes);
  };
  const { dataset, problems } = await loadDataset(manifestUrl, read, undefined, {
    topology: false,
  });
  const sources: SourceEntry[] = [];
  for (const [url, bytes] of files) {
    const got = await bytes.catch(() => null);
    sources.push({ path: relativeUrl(manifestUrl, url), sha256: got ? await sha256(got) : '' });
  }
  // The manifest first (the app checks it before fetching anything else), then by path.
  sources.sort((a, b) => (a.path === '' ? -1 : b.path === '' ? 1 : a.path < b.path ? -1 : 1));
  if (!dataset) return { bytes: null, problems, sources };
  const features = featuresWithMeshOnce()(dataset);
  if (!features.zoneMesh) throw new Error('no zone mesh was built');
  const bytes = await encodeCompiled(
    { dataset, problems, zoneMesh: features.zoneMesh },
    sources,
    codeHash,
  );
  return { bytes, problems, sources };
}
