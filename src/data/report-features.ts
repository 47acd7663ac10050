/**
 * Report pins as map features, apart from map-features.ts: the page needs only this (for a file
 * previewed in the browser), and importing it from there put the whole builder, with
 * @turf/circle, into the app's first download (about 1.2 KB gzip).
 */
import type { MapFeatures } from './map-features';
import type { Report } from './types';

/** Report pins as map features (also used for a file previewed in the browser). */
export function reportFeatures(reports: readonly Report[]): MapFeatures['reports'] {
  return {
    type: 'FeatureCollection',
    features: reports.map((r) => ({
      type: 'Feature' as const,
      geometry: r.geometry,
      properties: {
        id: r.id,
        status: r.properties.status,
        title: r.properties.title,
        t0: Date.parse(r.properties.reported_at),
      },
    })),
  };
}
