/**
 * Loads a dataset: the manifest, then the posts and every layer file, validating each and keeping
 * what is good. A layer that fails to load or parse becomes a problem, never an exception, so the
 * rest of the map keeps working.
 */
import type { Problem } from './problems';
import type { Dataset, LayerRef, Place, Post, Report, Zone } from './types';
import { checkManifest, contextOf, parseJson, validateLayer, validatePosts } from './validate';

/** Reads the text at a URL (in the browser: fetch; in Node: the file system). */
export type ReadText = (url: string) => Promise<string>;

export interface LoadResult {
  dataset: Dataset | null;
  problems: Problem[];
}

/** Reads with fetch, turning HTTP errors into exceptions with the status. */
export const fetchText: ReadText = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  return res.text();
};

async function readJson(
  read: ReadText,
  url: string,
  file: string,
): Promise<{ value: unknown; problems: Problem[] }> {
  let text: string;
  try {
    text = await read(url);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      value: undefined,
      problems: [
        {
          severity: 'error',
          file,
          message: `could not be loaded (${why})`,
          fix: 'check that the file exists at the path the manifest gives',
        },
      ],
    };
  }
  return parseJson(text, file);
}

/**
 * Loads the dataset whose manifest is at `manifestUrl`. Layer and posts paths resolve relative
 * to the manifest. `onProgress(done, total)` reports files read.
 */
export async function loadDataset(
  manifestUrl: string,
  read: ReadText = fetchText,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadResult> {
  const manifestFile = fileName(manifestUrl);
  const m = await readJson(read, manifestUrl, manifestFile);
  if (m.problems.length) return { dataset: null, problems: m.problems };
  const checked = checkManifest(m.value, manifestFile);
  const manifest = checked.manifest;
  if (!manifest) return { dataset: null, problems: checked.problems };
  const problems: Problem[] = [...checked.problems];
  const resolve = (path: string) => new URL(path, manifestUrl).href;
  const total = 1 + manifest.layers.length;
  let done = 0;
  const tick = () => onProgress?.(++done, total);

  const postsRaw = await readJson(read, resolve(manifest.posts), manifest.posts);
  tick();
  problems.push(...postsRaw.problems);
  let postList: Post[] = [];
  if (postsRaw.problems.length === 0) {
    const checkedPosts = validatePosts(postsRaw.value, manifest.posts);
    postList = checkedPosts.posts;
    problems.push(...checkedPosts.problems);
  }

  const ctx = contextOf(manifest, postList);
  const zones: Zone[] = [];
  const places: Place[] = [];
  const reports: Report[] = [];
  const results = await Promise.all(
    manifest.layers.map(async (layer: LayerRef) => {
      const raw = await readJson(read, resolve(layer.path), layer.path);
      tick();
      if (raw.problems.length) return { layer, features: [], problems: raw.problems };
      return { layer, ...validateLayer(layer.kind, raw.value, layer.path, ctx) };
    }),
  );
  for (const r of results) {
    problems.push(...r.problems);
    if (r.layer.kind === 'zones') zones.push(...(r.features as Zone[]));
    if (r.layer.kind === 'places') places.push(...(r.features as Place[]));
    if (r.layer.kind === 'reports') reports.push(...(r.features as Report[]));
  }
  const dataset: Dataset = {
    manifest,
    baseUrl: manifestUrl,
    posts: postList,
    zones,
    places,
    reports,
  };
  return { dataset, problems };
}

/** The path part after the last slash, for naming files in messages. */
function fileName(url: string): string {
  return url.split(/[?#]/)[0].split('/').pop() || url;
}
