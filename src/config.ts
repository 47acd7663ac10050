/**
 * Deployment configuration, fixed at build time (Vite env variables):
 * - VITE_DATASET_URL: the manifest to load (default: data/dataset.json shipped with the app);
 * - VITE_BASEMAP_STYLE_URL: an external MapLibre style to draw under the data (default: none,
 *   the offline basemap from the dataset). Only this option makes the app request another origin.
 * At runtime a `?dataset=` parameter may name another manifest on the same origin.
 */
import { TIME_STRATEGIES, type TimeStrategy } from './map/time-strategy';

export const DEFAULT_DATASET = 'data/dataset.json';

/** Resolves which manifest to load; a `dataset` parameter on another origin is refused. */
export function resolveManifestUrl(
  pageUrl: string,
  configured: string | undefined,
): { url: string; refused?: string } {
  const page = new URL(pageUrl);
  const fallback = new URL(configured || DEFAULT_DATASET, page).href;
  const asked = page.searchParams.get('dataset');
  if (!asked) return { url: fallback };
  let url: URL;
  try {
    url = new URL(asked, page);
  } catch {
    return {
      url: fallback,
      refused: `The dataset parameter "${asked}" is not a valid URL; loading the default dataset.`,
    };
  }
  if (url.origin !== page.origin)
    return {
      url: fallback,
      refused: `The dataset parameter may only name a manifest on this site (${page.origin}); loading the default dataset.`,
    };
  return { url: url.href };
}

export const config = {
  datasetUrl: import.meta.env.VITE_DATASET_URL as string | undefined,
  basemapStyleUrl: (import.meta.env.VITE_BASEMAP_STYLE_URL as string | undefined) || undefined,
};

/** `?time=gpu|keyed|filter|paint|setdata` picks how time reaches the map (for the benchmark); default gpu. */
export function timeStrategyFrom(pageUrl: string): TimeStrategy {
  const asked = new URL(pageUrl).searchParams.get('time');
  return TIME_STRATEGIES.find((s) => s === asked) ?? 'gpu';
}
