/**
 * Compiles a dataset on disk (the CLI and the build): files are read as a static host serves
 * them, so the hashes recorded are those of the bytes the app will fetch. A folder layer's
 * index.json, when absent, is the one the build writes (src/data/load/folder-index.ts).
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Compiled, compileDataset } from '../../src/data/compiled/compile';
import { buildFolderIndex, FOLDER_INDEX, folderIndexText } from '../../src/data/load/folder-index';
import { dataCodeHash } from './data-code-hash';
import { listFiles } from './read-local';

export async function readLocalBytes(url: string): Promise<Uint8Array> {
  const path = fileURLToPath(url);
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (path.endsWith(`/${FOLDER_INDEX}`))
      return new TextEncoder().encode(
        folderIndexText(buildFolderIndex(await listFiles(dirname(path)))),
      );
    // What a static host answers, so the stored problem reads as the app's would.
    throw new Error('HTTP 404 Not Found');
  }
}

export async function compileLocal(manifestPath: string): Promise<Compiled> {
  return compileDataset(pathToFileURL(manifestPath).href, readLocalBytes, await dataCodeHash());
}
