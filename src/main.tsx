/** Boot: load the dataset, create the store, mount the UI and the map. */
import { render } from 'preact';
import { exposeAutomation } from './automation';
import { config, resolveManifestUrl, timeStrategyFrom } from './config';
import { loadForMap } from './data/load-in-worker';
import { formatProblem, type Problem } from './data/problems';
import { buildTimeline } from './data/timeline';
import { bindStoreToMap } from './map/bind-store';
import { MapController } from './map/controller';
import { bundledFontUrls } from './map/fonts';
import { bindPlayback } from './state/playback';
import { bindUrl } from './state/bind-url';
import { createAppStore } from './state/store';
import { parseHash } from './state/url';
import { App } from './ui/App';
import { AppContext } from './ui/use-app-state';
import './ui/app.css';

const root = document.getElementById('app') as HTMLElement;
const status = document.getElementById('boot-status');

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

async function boot() {
  const { url, refused } = resolveManifestUrl(location.href, config.datasetUrl);
  // Loaded and validated in a worker; topology rules are left to CI (npm run validate).
  const { dataset, problems, features } = await loadForMap(url, (done, total) => {
    if (status) status.textContent = `Loading data… ${done} of ${total} files`;
  });
  if (refused)
    problems.unshift({ severity: 'error', file: 'URL', property: 'dataset', message: refused });
  if (!dataset || !features) {
    showFatal('The dataset could not be loaded', problems);
    return;
  }
  const timeline = buildTimeline(dataset);
  const hash = parseHash(location.hash);
  const { manifest } = dataset;
  const lastPost = timeline.posts.at(-1)?.t;
  const store = createAppStore({
    domain: timeline.domain,
    t: hash.t ?? lastPost ?? timeline.domain[1],
    view: {
      center: hash.center ?? manifest.default_view.center,
      zoom: hash.zoom ?? manifest.default_view.zoom,
    },
    visible: hash.layers,
    problems,
  });
  for (const p of problems) console.warn(formatProblem(p));
  document.title = manifest.title;

  const onMapContainer = (container: HTMLElement) => {
    const s = store.getState();
    const map = new MapController({
      container,
      dataset,
      timeline,
      features,
      fonts: bundledFontUrls(),
      t: s.t,
      view: s.view,
      visible: s.visible,
      styleUrl: config.basemapStyleUrl,
      strategy: timeStrategyFrom(location.href),
      onMove: (view) => store.getState().setView(view, 'map'),
      onSelectReport: (id) => store.getState().selectReport(id),
      onDraftClick: (at) => store.getState().setDraftPoint(at),
    });
    map.ready.then(() => bindStoreToMap(store, map));
    // An automation hook for tests and newsroom scripts: read state, wait for the map to settle.
    exposeAutomation({
      store,
      ready: map.ready,
      whenIdle: () => map.whenIdle(),
      renderedCount: (kind) => map.renderedCount(kind),
      project: (at) => map.project(at),
    });
  };

  root.replaceChildren();
  render(
    <AppContext.Provider value={{ store, dataset, timeline }}>
      <App onMapContainer={onMapContainer} />
    </AppContext.Provider>,
    root,
  );
  bindUrl(store);
  bindPlayback(store);
}

boot().catch((e) => {
  showFatal('The app failed to start', [
    { severity: 'error', file: 'app', message: e instanceof Error ? e.message : String(e) },
  ]);
  console.error(e);
});
