/**
 * What `npm run validate` checks, apart from how it is asked and how it prints: the dataset
 * as the app loads it, or some of its files (named, found in a folder, or changed since a git
 * ref) in the context of the whole dataset: factions, posts, and ids in every other file.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inferKind } from '../../src/data/infer-kind';
import { loadDataset } from '../../src/data/load/load';
import { locateInText } from '../../src/data/validate/locate';
import { parseJson } from '../../src/data/validate/parse-json';
import type { Problem } from '../../src/data/problems';
import type { LayerKind } from '../../src/data/types';
import { contextOf, type ValidationContext } from '../../src/data/validate/validate';
import { validateLayerText } from '../../src/data/validate/validate-text';
import type { Summary } from './problem-formats';
import { listFiles, readLocal } from './read-local';

/** A mistake in how the CLI was called (a path that does not exist): exit 2, not 1. */
export class UsageError extends Error {}

/** The files a manifest names, as absolute paths (folder layers expanded from the disk). */
export interface DatasetFiles {
  manifest: string;
  posts: string | null;
  layers: { path: string; kind: LayerKind }[];
  basemap: Set<string>;
}

/** Reads the manifest's file lists; an unreadable manifest lists nothing (the loader says why). */
export async function datasetFiles(manifestPath: string): Promise<DatasetFiles> {
  const dir = dirname(manifestPath);
  const out: DatasetFiles = { manifest: manifestPath, posts: null, layers: [], basemap: new Set() };
  let manifest: {
    posts?: unknown;
    layers?: { path?: unknown; kind?: unknown }[];
    basemap?: { path?: unknown }[];
  };
  try {
    manifest = JSON.parse((await readFile(manifestPath, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return out;
  }
  if (typeof manifest.posts === 'string') out.posts = join(dir, manifest.posts);
  for (const b of Array.isArray(manifest.basemap) ? manifest.basemap : [])
    if (typeof b?.path === 'string') out.basemap.add(join(dir, b.path));
  for (const l of Array.isArray(manifest.layers) ? manifest.layers : []) {
    if (typeof l?.path !== 'string') continue;
    const kind = l.kind as LayerKind;
    if (!l.path.endsWith('/')) out.layers.push({ path: join(dir, l.path), kind });
    else
      for (const f of await listFiles(join(dir, l.path)).catch(() => []))
        if (f.endsWith('.geojson')) out.layers.push({ path: join(dir, l.path, f), kind });
  }
  return out;
}

/** Is this file one the validator checks: a layer file, the posts file, or any other GeoJSON? */
function isDataFile(path: string, files: DatasetFiles): boolean {
  if (path === files.posts || files.layers.some((l) => l.path === path)) return true;
  return path.endsWith('.geojson') && !files.basemap.has(path);
}

/**
 * Turns path arguments into files: a folder means every data file below it (layer files, the
 * posts file, other GeoJSON; not basemap files or schemas). A path that does not exist is a
 * UsageError.
 */
export async function expandPaths(paths: readonly string[], files: DatasetFiles) {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    const st = await stat(abs).catch(() => null);
    if (!st) throw new UsageError(`${p}: no such file or folder`);
    if (!st.isDirectory()) out.push(abs);
    else
      for (const f of (await listFiles(abs)).sort())
        if (isDataFile(join(abs, f), files)) out.push(join(abs, f));
  }
  return [...new Set(out)];
}

/**
 * Of the files git says changed, those to check. A changed manifest or posts file can break
 * any other file (a post removed, a faction renamed): then every file is checked (null).
 */
export function filesToCheck(changed: readonly string[], files: DatasetFiles): string[] | null {
  if (changed.includes(files.manifest) || (files.posts && changed.includes(files.posts)))
    return null;
  const dataDir = dirname(files.manifest) + sep;
  return changed.filter((p) => p.startsWith(dataDir) && isDataFile(p, files));
}

const NO_CONTEXT: ValidationContext = {
  factionIds: new Set(),
  postIds: new Set(),
  bounds: [
    [-180, -90],
    [180, 90],
  ],
};

/**
 * Checks the dataset of `files.manifest`; with `named`, reports only those files' problems
 * (and counts only their features). Files the manifest does not list (a new report in the
 * wrong folder) are checked as their kind, with ids unique against the dataset.
 */
export async function runValidation(files: DatasetFiles, named: string[] | null): Promise<Summary> {
  const rel = (abs: string) => relative(process.cwd(), abs);
  let read = 0;
  const { dataset, problems } = await loadDataset(pathToFileURL(files.manifest).href, (url) => {
    read++;
    return readLocal(url);
  });
  const relDir = rel(dirname(files.manifest)) || '.';
  let all: Problem[] = problems.map((p) => ({ ...p, file: `${relDir}/${p.file}` }));
  const finish = (fileCount: number, features: number): Summary => {
    const errors = all.filter((p) => p.severity === 'error').length;
    return { files: fileCount, features, errors, warnings: all.length - errors, problems: all };
  };
  if (!named) {
    const d = dataset;
    return finish(
      read,
      d
        ? d.zones.length + d.fronts.length + d.places.length + d.reports.length + d.posts.length
        : 0,
    );
  }
  const namedRel = new Set(named.map(rel));
  all = all.filter((p) => namedRel.has(p.file));
  /** How many features of a file an error keeps off the map. */
  const failed = (file: string) =>
    new Set(all.filter((p) => p.file === file && p.severity === 'error').map((p) => p.featureId))
      .size;
  let features = 0;
  for (const path of named) {
    const text = await readFile(path, 'utf8');
    if (path === files.posts) {
      features += dataset?.posts.length ?? 0;
      continue;
    }
    const listed = files.layers.find((l) => l.path === path);
    if (listed) {
      const value = parseJson(text, path).value as { type?: string; features?: unknown[] } | null;
      const count = value?.type === 'Feature' ? 1 : (value?.features?.length ?? 0);
      features += Math.max(0, count - failed(rel(path)));
      continue;
    }
    const kind: LayerKind = inferKind(parseJson(text, path).value) ?? 'reports';
    const ctx = dataset ? contextOf(dataset.manifest, dataset.posts) : NO_CONTEXT;
    const r = validateLayerText(kind, text, rel(path), ctx);
    const ids = new Set(
      [
        ...(dataset?.reports ?? []),
        ...(dataset?.places ?? []),
        ...(dataset?.zones ?? []),
        ...(dataset?.fronts ?? []),
      ].map((f) => f.id),
    );
    const taken: Problem[] = r.features
      .filter((f) => ids.has(f.id))
      .map((f) => ({
        severity: 'error',
        file: rel(path),
        featureId: f.id,
        property: 'id',
        message: 'is already used in the dataset',
        fix: 'pick another id (for a report: the file name without .geojson)',
      }));
    all.push(...locateInText(taken, text), ...r.problems);
    features += r.features.length - taken.length;
  }
  return finish(named.length, features);
}
