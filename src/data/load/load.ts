/**
 * Loads a dataset: the manifest, then the posts and every layer file, validating each and keeping
 * what is good. A layer that fails to load or parse becomes a problem, never an exception, so the
 * rest of the map keeps working.
 *
 * A layer whose path ends in "/" is a folder of files (one report per file, so pull requests
 * never conflict); its `index.json` ({"files": [...]}) lists them. The build and the dev server
 * write that index (see src/data/load/folder-index.ts); it is not kept in git.
 */
import { FOLDER_INDEX, parseFolderIndex } from './folder-index';
import { peekZonesActiveAt, rawZonesActiveAt } from './first-zones';
import { FILE_START, locateInText } from '../validate/locate';
import { parseJson } from '../validate/parse-json';
import type { Problem } from '../problems';
import type { Dataset, Front, LayerRef, Manifest, Place, Post, Report, Zone } from '../types';
import { buildTimeline, openingTime } from '../timeline';
import {
  checkManifest,
  contextOf,
  MAX_LAYER_BYTES,
  type ValidationContext,
  validateLayer,
  validatePosts,
} from '../validate/validate';
import { checkUniqueIds, type Located } from '../validate/validate-dataset';
import { validateLayerText } from '../validate/validate-text';

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

async function readOrProblem(
  read: ReadText,
  url: string,
  file: string,
): Promise<{ text?: string; problems: Problem[] }> {
  try {
    return { text: await read(url), problems: [] };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      problems: [
        {
          severity: 'error',
          file,
          ...FILE_START,
          message: `could not be loaded (${why})`,
          fix: 'check that the file exists at the path the manifest gives',
        },
      ],
    };
  }
}

type AnyFeature = Zone | Front | Place | Report;
interface FileResult {
  layer: LayerRef;
  file: string;
  features: AnyFeature[];
  problems: Problem[];
}

/**
 * Loads the dataset whose manifest is at `manifestUrl`. Layer and posts paths resolve relative
 * to the manifest. `onProgress(done, total)` reports files read (the total grows as folder
 * indexes are read).
 */
export interface LoadOptions {
  /** Run the topology rules (see ValidationContext.topology); default true. */
  topology?: boolean;
  /** Called once zones, places and posts are in, before the report layers finish loading. */
  onBase?: (dataset: Dataset, problems: Problem[]) => void;
  /** Called with the checked manifest, before any layer is read (the page can open its
   * basemap while the layers load). */
  onManifest?: (manifest: Manifest) => void;
  /**
   * Newest first (first-zones.ts): called, and awaited, as soon as the dataset's zones file is
   * parsed, with the zones active at the opening time (openingTime: `openAt`, the link's time,
   * else the last post's, else the end of the range) validated, and the places, fronts and
   * posts; before the rest of the zones are validated. Only for a dataset with one zones file
   * (not a folder), and only when some zone is active then.
   */
  onFirst?: (dataset: Dataset) => Promise<void> | void;
  /** The time the app opens at from its link, if any (for onFirst). */
  openAt?: number;
}

export async function loadDataset(
  manifestUrl: string,
  read: ReadText = fetchText,
  onProgress?: (done: number, total: number) => void,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const manifestFile = fileName(manifestUrl);
  const m = await readOrProblem(read, manifestUrl, manifestFile);
  const mj =
    m.text === undefined
      ? { value: undefined, problems: m.problems }
      : parseJson(m.text, manifestFile);
  if (mj.problems.length) return { dataset: null, problems: mj.problems };
  const checked = checkManifest(mj.value, manifestFile);
  const manifestProblems = locateInText(checked.problems, m.text ?? '');
  const manifest = checked.manifest;
  if (!manifest) return { dataset: null, problems: manifestProblems };
  options.onManifest?.(manifest);
  const problems: Problem[] = [...manifestProblems];
  const resolve = (path: string) => new URL(path, manifestUrl).href;
  let total = 1 + manifest.layers.length;
  let done = 0;
  const tick = () => onProgress?.(++done, total);

  const postsRead = await readOrProblem(read, resolve(manifest.posts), manifest.posts);
  tick();
  let posts: Post[] = [];
  const pj =
    postsRead.text === undefined
      ? { value: undefined, problems: postsRead.problems }
      : parseJson(postsRead.text, manifest.posts);
  problems.push(...pj.problems);
  if (pj.problems.length === 0) {
    const checkedPosts = validatePosts(pj.value, manifest.posts);
    posts = checkedPosts.posts;
    problems.push(...locateInText(checkedPosts.problems, postsRead.text ?? ''));
  }
  const ctx = { ...contextOf(manifest, posts), topology: options.topology !== false };

  const zoneLayers = manifest.layers.filter((l) => l.kind === 'zones');
  let firstPending =
    options.onFirst !== undefined && zoneLayers.length === 1 && !zoneLayers[0].path.endsWith('/');
  // Set below; read only once a file has been read, by then it is.
  let pending: { layer: LayerRef; files: Promise<FileResult[]> }[] = [];
  /** Newest first: the zones active at the opening time, with the other base layers. */
  /** Returns the text's parse when it had to parse it. */
  const sendFirst = async (
    text: string,
    file: string,
  ): Promise<ReturnType<typeof parseJson> | undefined> => {
    const timeline = buildTimeline({
      manifest,
      baseUrl: manifestUrl,
      posts,
      zones: [],
      fronts: [],
      places: [],
      reports: [],
    });
    const t = openingTime(timeline, options.openAt);
    // Without parsing the whole file when its brackets balance (first-zones.ts); else parsed
    // here, and the parse is handed on to the validation.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const peeked = peekZonesActiveAt(body, t);
    const parsed = peeked ? undefined : parseJson(text, file);
    if (parsed?.problems.length) return parsed;
    const candidates = peeked ?? rawZonesActiveAt(parsed?.value, t);
    const zones = validateLayer(
      'zones',
      { type: 'FeatureCollection', features: candidates },
      file,
      ctx,
    ).features;
    if (!zones.length) return parsed;
    const others = await Promise.all(
      pending
        .filter((p) => p.layer.kind === 'places' || p.layer.kind === 'fronts')
        .map((p) => p.files),
    );
    const features = (kind: LayerRef['kind']) =>
      others.flat().flatMap((r) => (r.layer.kind === kind ? r.features : []));
    await options.onFirst?.({
      manifest,
      baseUrl: manifestUrl,
      posts,
      zones,
      fronts: features('fronts') as Front[],
      places: features('places') as Place[],
      reports: [],
    });
    return parsed;
  };
  const loadFile = async (layer: LayerRef, file: string): Promise<FileResult> => {
    const r = await readOrProblem(read, resolve(file), file);
    tick();
    if (r.text === undefined) return { layer, file, features: [], problems: r.problems };
    let parsed: ReturnType<typeof parseJson> | undefined;
    if (firstPending && layer.kind === 'zones' && r.text.length <= MAX_LAYER_BYTES) {
      firstPending = false;
      parsed = await sendFirst(r.text, file);
    }
    return { layer, file, ...validateLayerText(layer.kind, r.text, file, ctx, parsed) };
  };
  const loadLayer = async (layer: LayerRef): Promise<FileResult[]> => {
    if (!layer.path.endsWith('/')) return [await loadFile(layer, layer.path)];
    const indexFile = layer.path + FOLDER_INDEX;
    const r = await readOrProblem(read, resolve(indexFile), indexFile);
    const index =
      r.text === undefined
        ? { files: [], problems: r.problems }
        : parseFolderIndex(r.text, indexFile);
    index.problems = locateInText(index.problems, r.text ?? '');
    total += index.files.length;
    tick();
    const files = await Promise.all(index.files.map((f) => loadFile(layer, layer.path + f)));
    return [{ layer, file: indexFile, features: [], problems: index.problems }, ...files];
  };
  pending = manifest.layers.map((layer) => ({ layer, files: loadLayer(layer) }));
  const assemble = async (results: FileResult[], topology: boolean): Promise<LoadResult> => {
    const found: Problem[] = [...problems];
    const all: (Located<AnyFeature> & { kind: LayerRef['kind'] })[] = [];
    for (const r of results) {
      found.push(...r.problems);
      for (const feature of r.features) all.push({ feature, file: r.file, kind: r.layer.kind });
    }
    const zones = all.filter((x) => x.kind === 'zones') as Located<Zone>[];
    const overlaps = topology
      ? (await import('../validate/validate-topology')).checkZoneOverlaps(zones)
      : [];
    const crossFile = [...checkUniqueIds(all), ...overlaps];
    found.push(...(await locateAgain(crossFile, read, resolve)));
    // A feature named by a cross-file error is left out, like any other invalid feature.
    const rejected = new Set(crossFile.map((p) => `${p.file}\u0000${p.featureId}`));
    const kept = all.filter((x) => !rejected.has(`${x.file}\u0000${x.feature.id}`));
    const ofKind = <F>(kind: LayerRef['kind']) =>
      kept.filter((x) => x.kind === kind).map((x) => x.feature as F);
    const dataset: Dataset = {
      manifest,
      baseUrl: manifestUrl,
      posts,
      zones: ofKind<Zone>('zones'),
      fronts: ofKind<Front>('fronts'),
      places: ofKind<Place>('places'),
      reports: ofKind<Report>('reports'),
    };
    return { dataset, problems: found };
  };
  if (options.onBase) {
    // Zones and places first, so the map can open while report files are still arriving.
    const base = await Promise.all(
      pending.filter((p) => p.layer.kind !== 'reports').map((p) => p.files),
    );
    const partial = await assemble(base.flat(), false);
    if (partial.dataset) options.onBase(partial.dataset, partial.problems);
  }
  const results = (await Promise.all(pending.map((p) => p.files))).flat();
  return assemble(results, ctx.topology);
}

/**
 * Locates problems found across files (the texts are gone by then): each named file is read
 * once more. Rare (a duplicate id, overlapping zones), so the second read costs nothing usual.
 */
async function locateAgain(
  problems: Problem[],
  read: ReadText,
  resolve: (path: string) => string,
): Promise<Problem[]> {
  const files = [...new Set(problems.filter((p) => !p.line).map((p) => p.file))];
  const texts = new Map<string, string>();
  for (const file of files) texts.set(file, await read(resolve(file)).catch(() => ''));
  return problems.map((p) => (p.line ? p : locateInText([p], texts.get(p.file) ?? '')[0]));
}

/** The path part after the last slash, for naming files in messages. */
function fileName(url: string): string {
  return url.split(/[?#]/)[0].split('/').pop() || url;
}

export type { ValidationContext };
