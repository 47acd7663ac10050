/**
 * Loads a dataset as it is in a commit, never from the working tree: the same loader and rules
 * as the app and `npm run validate`, reading files with `git cat-file` (as `git show REV:path`)
 * and building folder indexes from `git ls-tree`, as the build builds them from the disk.
 */
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFolderIndex, FOLDER_INDEX } from '../../src/data/load/folder-index';
import { type LoadResult, loadDataset } from '../../src/data/load/load';
import { CommitReader, listTree } from './git';

/**
 * Loads `manifest` (a path relative to the repository's top level) at `commit`. Problems name
 * files relative to the top level, as `npm run validate` prints them from there.
 */
export async function loadDatasetAt(
  root: string,
  commit: string,
  manifest: string,
): Promise<LoadResult> {
  const reader = new CommitReader(root, commit);
  const read = async (url: string): Promise<string> => {
    const path = relative(root, fileURLToPath(url)).split('\\').join('/');
    const text = await reader.read(path);
    if (text !== null) return text;
    if (path.endsWith(`/${FOLDER_INDEX}`)) {
      const folder = `${posix.dirname(path)}/`;
      const files = await listTree(root, commit, folder);
      return JSON.stringify(buildFolderIndex(files.map((f) => f.slice(folder.length))));
    }
    throw new Error(`not in commit ${commit.slice(0, 12)}`);
  };
  try {
    const result = await loadDataset(pathToFileURL(join(root, manifest)).href, read);
    const dir = dirname(manifest);
    const prefix = dir === '.' ? '' : `${dir}/`;
    return { ...result, problems: result.problems.map((p) => ({ ...p, file: prefix + p.file })) };
  } finally {
    reader.close();
  }
}
