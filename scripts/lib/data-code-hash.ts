/**
 * SHA-256 of the code that turns GeoJSON into what a compiled dataset stores (src/data and
 * src/lib, and the versions of earcut and @turf/circle), so a compiled file is used only by the
 * app built from the same code (src/data/compiled/code-hash.ts). Paths sorted; same code, same
 * hash, on any machine.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listFiles } from './read-local';

const ROOT = resolve(import.meta.dirname, '../..');

export async function dataCodeHash(root = ROOT): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['src/data', 'src/lib']) {
    const files = (await listFiles(join(root, dir)))
      .map((f) => f.replaceAll('\\', '/'))
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const f of files)
      hash
        .update(`${dir}/${f}\0`)
        .update(await readFile(join(root, dir, f)))
        .update('\0');
  }
  for (const pkg of ['earcut', '@turf/circle']) {
    const { version } = JSON.parse(
      await readFile(join(root, 'node_modules', pkg, 'package.json'), 'utf8'),
    );
    hash.update(`${pkg}@${version}\0`);
  }
  return hash.digest('hex');
}
