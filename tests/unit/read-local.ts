import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadText } from '../../src/data/load';

/** Reads file:// URLs from disk, as the CLI does. */
export const readLocal: ReadText = (url) => readFile(fileURLToPath(url), 'utf8');

/** file:// URL of a path relative to the repository root. */
export const repoUrl = (path: string) =>
  pathToFileURL(new URL(`../../${path}`, import.meta.url).pathname).href;
