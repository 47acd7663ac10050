/** Reads data/ for the attribution list; shared by the script and its test. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { attributionList, citingOf, MARKER } from './attribution';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

async function reportFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await reportFiles(p)));
    else if (e.name.endsWith('.geojson')) out.push(p);
  }
  return out.sort();
}

/** ATTRIBUTION.md with its generated part (below MARKER) rebuilt from the data. */
export async function attributionText(dataDir: string, current: string): Promise<string> {
  const manifest = await readJson(path.join(dataDir, 'dataset.json'));
  const posts = (await readJson(path.join(dataDir, 'posts.json'))).posts;
  const places = (await readJson(path.join(dataDir, 'layers/places.geojson'))).features;
  const reports = await Promise.all(
    (await reportFiles(path.join(dataDir, 'reports'))).map((f) => readJson(f)),
  );
  const broad = (await readJson(path.join(dataDir, 'broad-zones.json'))).zones;
  const head = current.includes(MARKER)
    ? current.slice(0, current.indexOf(MARKER))
    : `${current.trimEnd()}\n\n`;
  return `${head}${attributionList(citingOf({ manifest, posts, places, reports, broad }))}`;
}
