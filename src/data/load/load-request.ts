/**
 * What the page asks the loading worker (load-worker.ts) to load, carried in the worker's `name`
 * so the loading starts the moment the worker's code has run: a message posted at creation waits
 * in the page until its main thread is free to hand it over, which at boot, while the map opens,
 * was 10–350 ms later (docs/performance.md, "Precompiled datasets"). Its own module: the page's
 * bundle must not import the worker's.
 */

/** `openAt`: the time the page opens at from its link, if any (load.ts, onFirst). */
export interface LoadRequest {
  url: string;
  topology: boolean;
  openAt?: number;
}

const PREFIX = 'load:';

export const requestAsName = (r: LoadRequest): string => PREFIX + JSON.stringify(r);

/** The request in a worker's name, or null for any other name. */
export function requestFromName(name: string): LoadRequest | null {
  if (!name.startsWith(PREFIX)) return null;
  try {
    const r = JSON.parse(name.slice(PREFIX.length)) as LoadRequest | null;
    return typeof r?.url === 'string' && typeof r.topology === 'boolean' ? r : null;
  } catch {
    return null;
  }
}
