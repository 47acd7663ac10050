/** Boot: load the dataset, create the store, mount the UI and the map. */
import { render } from 'preact';
import { blobToDataUrl, exposeAutomation } from './automation';
import { config, resolveManifestUrl, timeStrategyFrom } from './config';
import type { CompareRunner } from './data/compare/compare-in-worker';
import { type LoadedForMap, loadForMap } from './data/load/load-in-worker';
import type { MapFeatures } from './data/map-features';
import type { Dataset, Manifest } from './data/types';
import { formatProblem, type Problem } from './data/problems';
import type { ExportSize } from './lib/export-compose';
import { embedModeFrom } from './lib/share-links';
import type { VideoExportHooks, VideoSpec } from './lib/video-plan';
import { buildTimeline, openingTime } from './data/timeline';
import { bindStoreToMap } from './map/bind-store';
import { MapController } from './map/controller';
import { type EarlyMap, openEarlyMap, prewarmMap } from './map/early-map';
import { pinsOnGpu } from './map/time-strategy';
import { bundledFontUrls } from './map/fonts';
import { bindPlayback } from './state/playback';
import { bindCompare } from './state/bind-compare';
import { bindUrl } from './state/bind-url';
import { createAppStore } from './state/store';
import { parseHash } from './state/url';
import { App } from './ui/App';
import { EmbedApp } from './ui/EmbedApp';
import { AppContext } from './ui/use-app-state';
import { activateLanguage, languageReady, t } from './i18n/i18n';
import { dirOf, langFrom } from './lib/lang';
import { fetchManifestHead, showBootHeader } from './ui/boot-header';
import './ui/app.css';

const root = document.getElementById('app') as HTMLElement;
const status = document.getElementById('boot-status');
// The interface language: ?lang=ar|en, else the browser's. The whole page follows it: `lang` for
// fonts and screen readers, `dir` for the mirrored layout (app.css uses logical properties). Its
// catalog is fetched while the data loads.
const lang = langFrom(location.href, navigator.languages);
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
const languageActive = activateLanguage(lang);

function showFatal(title: string, problems: Problem[]) {
  root.replaceChildren();
  const box = document.createElement('section');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = title;
  const list = document.createElement('ul');
  for (const p of problems) {
    const li = document.createElement('li');
    li.textContent = formatProblem(p);
    list.append(li);
  }
  box.append(h, list);
  root.append(box);
}

interface Started {
  /** Files read so far, while report files are still coming; or, with `days`, steps done of
   * the other days' zones. */
  progress(done: number, total: number, days?: boolean): void;
  /** More arrived: every zone after the newest first (`done` false), or everything: reports
   * join the map, the feed and the problem list. */
  update(loaded: LoadedForMap, done: boolean): void;
  /** Resolves once the map has drawn what it opened with. */
  drawn: Promise<void>;
}

/** Opens the app on what is loaded so far; `pending` says what is still coming (other days'
 * zones, report files), or null. */
function start(
  loaded: LoadedForMap & { dataset: Dataset; features: MapFeatures },
  pending: string | null,
  early?: EarlyMap,
): Started {
  const { dataset, problems } = loaded;
  // What the map is built from: replaced by complete() if it comes before the map exists.
  let current = { dataset, features: loaded.features, timeline: buildTimeline(dataset) };
  const { timeline } = current;
  const hash = parseHash(location.hash);
  const { manifest } = dataset;
  const store = createAppStore({
    domain: timeline.domain,
    t: openingTime(timeline, hash.t),
    view: {
      center: hash.center ?? manifest.default_view.center,
      zoom: hash.zoom ?? manifest.default_view.zoom,
    },
    visible: hash.layers,
    problems,
    compareA: hash.compare?.a ?? null,
    filter: hash.filter,
    pinWindow: hash.window,
  });
  if (pending) store.getState().setLoading(pending);
  document.title = manifest.title;
  let map: MapController | null = null;
  let markLoaded: () => void = () => {};
  let markDrawn: () => void = () => {};
  const drawn = new Promise<void>((r) => (markDrawn = r));
  // ?embed=locked|replayable: no app chrome, cooperative gestures, nothing stored (EmbedApp).
  const embed = embedModeFrom(location.href);
  if (embed) document.documentElement.classList.add('embedded');
  const exportImage = (size: ExportSize): Promise<Blob> =>
    map ? map.exportImage(size) : Promise.reject(new Error(t('loading.mapNotReady')));
  const exportVideo = (spec: VideoSpec, hooks?: VideoExportHooks) =>
    map ? map.exportVideo(spec, hooks) : Promise.reject(new Error(t('loading.mapNotReady')));
  const allLoaded = pending ? new Promise<void>((r) => (markLoaded = r)) : Promise.resolve();

  const onMapContainer = (container: HTMLElement) => {
    const s = store.getState();
    const controller = new MapController({
      container,
      ...current,
      fonts: bundledFontUrls(),
      t: s.t,
      view: s.view,
      visible: s.visible,
      styleUrl: config.basemapStyleUrl,
      early,
      strategy: timeStrategyFrom(location.href),
      onMove: (view) => store.getState().setView(view, 'map'),
      onExtent: (extent) => store.getState().setExtent(extent),
      onSelectReport: (id) => store.getState().selectReport(id),
      onDraftClick: (at) => store.getState().setDraftPoint(at),
      cooperativeGestures: embed !== null,
      controls: embed ? 'embed' : 'full',
      lang,
    });
    map = controller;
    controller.ready.then(() => {
      bindStoreToMap(store, controller);
      controller.whenIdle().then(markDrawn);
    });
    // An automation hook for tests and newsroom scripts: `ready` once everything is loaded.
    exposeAutomation({
      store,
      ready: Promise.all([controller.ready, allLoaded]).then(() => undefined),
      mapReady: controller.ready,
      whenIdle: () => controller.whenIdle(),
      renderedCount: (kind) => controller.renderedCount(kind),
      project: (at) => controller.project(at),
      exportImage: (size) => controller.exportImage(size).then(blobToDataUrl),
      exportVideo: async (spec, opts = {}) => {
        const { blob, ...r } = await controller.exportVideo(spec, opts);
        return { ...r, dataUrl: await blobToDataUrl(blob) };
      },
    });
  };
  const draw = () =>
    render(
      <AppContext.Provider
        value={{
          store,
          dataset: current.dataset,
          timeline: current.timeline,
          exportImage,
          exportVideo,
        }}
      >
        {embed ? (
          <EmbedApp mode={embed} onMapContainer={onMapContainer} />
        ) : (
          <App onMapContainer={onMapContainer} />
        )}
      </AppContext.Provider>,
      root,
    );
  root.replaceChildren();
  draw();
  bindUrl(store);
  bindPlayback(store);
  // Compare mode: comparisons run in a worker, whose client code is fetched on first use.
  let runner: Promise<CompareRunner> | null = null;
  const compareRunner = () =>
    (runner ??= import('./data/compare/compare-in-worker').then(
      (m) => new m.CompareRunner(current.dataset),
    ));
  const compare = bindCompare(store, compareRunner);
  return {
    drawn,
    progress(done, total, days) {
      store
        .getState()
        .setLoading(t(days ? 'loading.daysProgress' : 'loading.reportsProgress', { done, total }));
    },
    update(loaded, done) {
      if (!loaded.dataset || !loaded.features) return;
      current = {
        dataset: loaded.dataset,
        // The zones came with the base layers: the worker does not send their mesh twice.
        features: {
          ...loaded.features,
          zoneMesh: loaded.features.zoneMesh ?? current.features.zoneMesh,
        },
        timeline: buildTimeline(loaded.dataset),
      };
      map?.setData(current.dataset, current.timeline, current.features);
      runner?.then((r) => {
        r.setDataset(current.dataset);
        compare.refresh();
      });
      store.getState().setProblems(loaded.problems);
      store.getState().setLoading(done ? null : t('loading.reports'));
      draw();
      if (done) markLoaded();
    },
  };
}

async function boot() {
  const { url, refused } = resolveManifestUrl(location.href, config.datasetUrl);
  // The header shows the dataset's title and description as soon as its manifest is in
  // (ui/boot-header.ts); embeds show no header.
  const header = document.getElementById('boot-header');
  const head = fetchManifestHead(url);
  if (header && embedModeFrom(location.href)) header.remove();
  else if (header) void head.then((h) => showBootHeader(h, header));
  const refusal: Problem[] = refused
    ? [{ severity: 'error', file: 'URL', property: 'dataset', message: refused }]
    : [];
  let started: Started | null = null;
  // Only the GPU pin layer can take its pins after the map opened; other strategies wait.
  const strategy = timeStrategyFrom(location.href);
  const early = pinsOnGpu(strategy);
  // The map opens on the basemap while the layers load (early-map.ts); not with an external
  // style, nor with the benchmark's other strategies.
  const opensEarly = early && !config.basemapStyleUrl;
  if (opensEarly) prewarmMap();
  let earlyMap: EarlyMap | undefined;
  const onManifest = (manifest: Manifest) => {
    if (!opensEarly || earlyMap) return;
    const hash = parseHash(location.hash);
    earlyMap = openEarlyMap(
      manifest,
      url,
      bundledFontUrls(),
      {
        center: hash.center ?? manifest.default_view.center,
        zoom: hash.zoom ?? manifest.default_view.zoom,
      },
      embedModeFrom(location.href) !== null,
    );
  };
  // The early map opens on the manifest as fetched, before the worker has started and checked
  // it (that one opens it otherwise): a manifest the check refuses ends on the fatal screen,
  // which removes the map.
  void head.then((h) => {
    try {
      if (h) onManifest(h as Manifest);
    } catch {
      // Not usable as it is: the worker's checked manifest opens the map, or the fatal screen shows.
    }
  });
  // Loaded and validated in a worker; topology rules are left to CI (npm run validate).
  const full = await loadForMap(
    url,
    (done, total, days) => {
      if (started) (started as Started).progress(done, total, days);
      else if (status && languageReady()) status.textContent = t('loading.data', { done, total });
    },
    (base, someZones) => {
      if (started)
        return (started as Started).update(
          { ...base, problems: [...refusal, ...base.problems] },
          false,
        );
      // Opening early needs the interface's strings; without them, the map opens when all is in.
      // Only the GPU zone layer takes the other days' zones after the newest (a new mesh).
      if (!early || !languageReady() || !base.dataset || !base.features) return;
      if (someZones && strategy !== 'gpu') return;
      started = start(
        {
          ...base,
          dataset: base.dataset,
          features: base.features,
          problems: [...refusal, ...base.problems],
        },
        t(someZones ? 'loading.days' : 'loading.reports'),
        earlyMap,
      );
      return (started as Started).drawn;
    },
    false,
    onManifest,
    parseHash(location.hash).t,
  );
  full.problems.unshift(...refusal);
  await languageActive;
  for (const p of full.problems) console.warn(formatProblem(p));
  if (started) return (started as Started).update(full, true);
  if (!full.dataset || !full.features) {
    earlyMap?.dispose();
    showFatal(t('loading.failed'), full.problems);
    return;
  }
  start({ ...full, dataset: full.dataset, features: full.features }, null, earlyMap);
}

boot().catch((e) => {
  showFatal(languageReady() ? t('loading.crashed') : 'The app failed to start', [
    { severity: 'error', file: 'app', message: e instanceof Error ? e.message : String(e) },
  ]);
  console.error(e);
});
