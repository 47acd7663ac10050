/**
 * The cold-start benchmark's baseline (scripts/bench-coldstart.ts): a bare MapLibre page drawing
 * the app's own offline basemap (the same layers from src/map/basemap-style.ts, the same bundled
 * fonts, the same maplibre-gl and worker) at the dataset's default view, and nothing else. The
 * manifest is read at build time, so the page fetches no dataset files but the basemap's own.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './bare-basemap.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemap, default_view } from '../../data/dataset.json';
import type { Manifest } from '../../src/data/types';
import { basemapStyle } from '../../src/map/basemap-style';
import { fontFaces } from '../../src/map/font-faces';
import { bundledFontUrls } from '../../src/map/fonts';

setWorkerUrl(workerUrl);

// Served at <origin>/bare/ beside the built app, whose data/ folder holds the basemap files.
const dataBase = new URL('../data/', document.baseURI);
const { sources, layers } = basemapStyle(
  { basemap } as Manifest,
  (path) => new URL(path, dataBase).href,
);
const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    'font-faces': fontFaces(bundledFontUrls()),
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f2' } },
      ...layers,
    ],
  },
  center: default_view.center as [number, number],
  zoom: default_view.zoom,
});
// For a manual look: the page says when the map first went idle.
map.once('idle', () => document.documentElement.setAttribute('data-idle', ''));
