/**
 * Folder layers: a layer path ending in "/" names a folder of GeoJSON files (one report per
 * file). Its index.json lists them, relative to the folder. The Vite plugin and the CLI build
 * the index from the file system with buildFolderIndex; the loader reads it with parseFolderIndex.
 */
import { parseJson } from '../validate/parse-json';
import type { Problem } from '../problems';

export const FOLDER_INDEX = 'index.json';

/** The index for a folder, from its files' paths relative to it (any order, any separators). */
export function buildFolderIndex(relativePaths: readonly string[]): { files: string[] } {
  const files = relativePaths
    .map((p) => p.replaceAll('\\', '/'))
    .filter((p) => p.endsWith('.geojson'))
    .sort();
  return { files };
}

/** The index file's text, byte for byte as the build and the dev server serve it (a compiled
 * dataset records its hash: src/data/compiled/). */
export function folderIndexText(index: { files: string[] }): string {
  return `${JSON.stringify(index)}\n`;
}

/** Reads an index.json; a bad entry is a problem, the others still load. */
export function parseFolderIndex(
  text: string,
  file: string,
): { files: string[]; problems: Problem[] } {
  const parsed = parseJson(text, file);
  if (parsed.problems.length) return { files: [], problems: parsed.problems };
  const value = parsed.value as { files?: unknown };
  if (!Array.isArray(value?.files))
    return {
      files: [],
      problems: [
        {
          severity: 'error',
          file,
          message: 'has no "files" list',
          fix: 'rebuild it: npm run build (or run npm run dev)',
        },
      ],
    };
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const f of value.files) {
    if (typeof f === 'string' && /^[\w./-]+\.geojson$/.test(f) && !f.split('/').includes('..'))
      files.push(f);
    else
      problems.push({
        severity: 'error',
        file,
        message: `lists ${JSON.stringify(f)}, which is not a .geojson path inside the folder`,
        fix: 'rebuild the index',
      });
  }
  return { files, problems };
}
