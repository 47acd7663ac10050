/**
 * The benchmark's bare MapLibre page (`npm run bench -- --load`, scripts/lib/bench-load.ts):
 * what a developer would write without this app. The same maplibre-gl and the app's offline
 * basemap style; the dataset's zones file (`?dataset=` names the manifest, as in the app)
 * handed by URL to ONE GeoJSON source, so MapLibre's worker fetches and parses it, drawn with a
 * global-state validity filter (valid_from <= t < valid_to, ISO strings compare in time order)
 * at the newest version. `window.bareLoad` resolves with the time of the first `idle` with the
 * zones drawn (ms since navigation).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Manifest } from '../../src/data/types';
import { basemapStyle } from '../../src/map/basemap-style';
import { fontFaces } from '../../src/map/font-faces';
import { bundledFontUrls } from '../../src/map/fonts';

setWorkerUrl(workerUrl);

async function open(): Promise<number> {
  const manifestUrl = new URL(
    new URLSearchParams(location.search).get('dataset') ?? '',
    location.href,
  ).href;
  const manifest = (await (await fetch(manifestUrl)).json()) as Manifest;
  const resolve = (path: string) => new URL(path, manifestUrl).href;
  const zones = manifest.layers.find((l) => l.kind === 'zones');
  if (!zones) throw new Error('no zones layer');
  const base = basemapStyle(manifest, resolve);
  const t = manifest.time_range.end.replace(/Z$/, '').slice(0, 19);
  const valid = [
    'all',
    ['<=', ['get', 'valid_from'], ['global-state', 't']],
    ['>', ['coalesce', ['get', 'valid_to'], '9999'], ['global-state', 't']],
  ];
  const colors = [
    'match',
    ['get', 'faction'],
    ...manifest.factions.flatMap((f) => [f.id, f.color]),
    '#888',
  ];
  const map = new MapLibreMap({
    container: 'map',
    center: manifest.default_view.center,
    zoom: manifest.default_view.zoom,
    fadeDuration: 0,
    style: {
      version: 8,
      state: { t: { default: t } },
      'font-faces': fontFaces(bundledFontUrls()),
      sources: { ...base.sources, zones: { type: 'geojson', data: resolve(zones.path) } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f2' } },
        ...base.layers,
        {
          id: 'zones-fill',
          type: 'fill',
          source: 'zones',
          filter: valid,
          paint: { 'fill-color': colors, 'fill-opacity': 0.45 },
        },
        {
          id: 'zones-line',
          type: 'line',
          source: 'zones',
          filter: valid,
          paint: { 'line-color': colors, 'line-width': 1.5 },
        },
      ] as never,
    },
  });
  // The first idle once the zones source has loaded: the zones are drawn.
  return new Promise((res) => {
    const check = () => {
      if (
        map.isSourceLoaded('zones') &&
        map.queryRenderedFeatures({ layers: ['zones-fill'] }).length
      )
        res(performance.now());
      else map.once('idle', check);
    };
    map.once('idle', check);
  });
}

(window as unknown as { bareLoad: Promise<number> }).bareLoad = open();
