/** What a download says about itself: the dataset, its licences, the moment. */
import type { Manifest } from '../types';

/** The licences of the dataset's sources, as one line ("GeoNames: CC BY 4.0; …"). */
export function licenceOf(manifest: Manifest): string {
  return manifest.sources.map((s) => `${s.name}: ${s.license}`).join('; ');
}

/** A file name: "<dataset-slug>_<what>[_<yyyy-mm-dd>-<hhmm>utc].<ext>". */
export function downloadName(title: string, what: string, ext: string, t?: number): string {
  const slug =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dataset';
  const iso = t === undefined ? '' : new Date(t).toISOString();
  const when = iso ? `_${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}utc` : '';
  return `${slug}_${what}${when}.${ext}`;
}
