import { pathToFileURL } from 'node:url';

export { readLocal } from '../../scripts/lib/read-local';

/** file:// URL of a path relative to the repository root. */
export const repoUrl = (path: string) =>
  pathToFileURL(new URL(`../../${path}`, import.meta.url).pathname).href;
