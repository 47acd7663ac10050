/**
 * Reads dataset files from disk for the CLIs and tests, as the browser reads them over HTTP.
 * A folder layer's index.json is built from the folder when the file is absent (it is generated,
 * not kept in git), exactly as the dev server and the build do.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadText } from '../../src/data/load/load';
import { buildFolderIndex, FOLDER_INDEX } from '../../src/data/load/folder-index';

/** All file paths below `dir`, relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, `${e.parentPath}/${e.name}`));
}

export const readLocal: ReadText = async (url) => {
  const path = fileURLToPath(url);
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (path.endsWith(`/${FOLDER_INDEX}`) && (e as NodeJS.ErrnoException).code === 'ENOENT')
      return JSON.stringify(buildFolderIndex(await listFiles(dirname(path))));
    throw e;
  }
};
