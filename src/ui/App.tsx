/** The app's layout: header, map, side panel and time controls. */
import type { FunctionComponent } from 'preact';
import { PanelBottomOpen, X } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckedFilePanel } from './panels/CheckedFilePanel';
import { ComparePanel } from './panels/ComparePanel';
import { DraftPanel } from './panels/DraftPanel';
import { FileDrop } from './FileDrop';
import { FilterPanel } from './panels/FilterPanel';
import { Icon } from './Icon';
import { Legend } from './panels/Legend';
import { LayerToggles } from './panels/LayerToggles';
import { PlaceSearch } from './panels/PlaceSearch';
import { ProblemList } from './ProblemList';
import { ReportFeed } from './panels/ReportFeed';
import { ShareButton } from './share/ShareButton';
import { Sources } from './panels/Sources';
import { TimeControls } from './time/TimeControls';
import { handleTimeKey } from './time/TimeSlider';
import { useApp, useAppState } from './use-app-state';
import { t, uiLang } from '../i18n/i18n';
import { DATA_LANG, UI_LANGS, urlInLang } from '../lib/lang';

export interface AppProps {
  /** Called once with the element the map should draw into. */
  onMapContainer(el: HTMLElement): void;
}

type Panel = FunctionComponent<{ onClose(): void }>;

export function App({ onMapContainer }: AppProps) {
  const ctx = useApp();
  // The changes log: its code (and papaparse) is a chunk fetched on first use.
  const [Changes, setChanges] = useState<Panel | null>(null);
  // On a phone the panel is a sheet over the map, closed at first (see app.css, "Phone").
  const [sheetOpen, setSheetOpen] = useState(false);
  const selectedReport = useAppState((s) => s.selectedReport);
  const selectedPlace = useAppState((s) => s.selectedPlace);
  // Choosing a report or place opens its popup on the map: get the sheet out of its way.
  useEffect(() => setSheetOpen(false), [selectedReport, selectedPlace]);
  const toggleChanges = async () => {
    if (Changes) return setChanges(null);
    const { ChangesView, messagesReady } = await import('./ChangesView');
    await messagesReady;
    setChanges(() => ChangesView);
  };
  const mapEl = useRef<HTMLElement>(null);
  useEffect(() => {
    if (mapEl.current) onMapContainer(mapEl.current);
  }, []);
  useEffect(() => {
    // Time keys work anywhere that is not a control of its own (inputs, buttons, the map).
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== document.body || e.altKey || e.ctrlKey || e.metaKey) return;
      if (handleTimeKey(e.key, ctx)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ctx]);
  const { manifest } = ctx.dataset;
  return (
    <div class={sheetOpen ? 'app sheet-open' : 'app'}>
      <header class="app-header">
        <h1 lang={DATA_LANG}>{manifest.title}</h1>
        <p class="muted" title={manifest.description} lang={DATA_LANG}>
          {manifest.description}
        </p>
        <button
          type="button"
          class="changes-button"
          aria-pressed={Changes !== null}
          onClick={toggleChanges}
        >
          {t('app.changes')}
        </button>
        <ShareButton />
        <LanguageLink />
        <button
          type="button"
          class="sheet-button"
          aria-expanded={sheetOpen}
          aria-controls="map-panel"
          onClick={() => setSheetOpen(!sheetOpen)}
        >
          <Icon icon={PanelBottomOpen} /> {t('app.mapPanel')}
        </button>
      </header>
      <ProblemList />
      <FileDrop>
        <section class="map" ref={mapEl} aria-label={t('app.map')} />
        <LoadingStatus />
      </FileDrop>
      {Changes && <Changes onClose={() => setChanges(null)} />}
      <aside
        class="panel"
        id="map-panel"
        aria-label={t('app.mapPanel')}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && sheetOpen) {
            setSheetOpen(false);
            document.querySelector<HTMLElement>('.sheet-button')?.focus();
          }
        }}
      >
        <button
          type="button"
          class="sheet-close"
          aria-label={t('app.closeMapPanel')}
          onClick={() => {
            setSheetOpen(false);
            document.querySelector<HTMLElement>('.sheet-button')?.focus();
          }}
        >
          <Icon icon={X} />
        </button>
        <PlaceSearch />
        <Legend />
        <LayerToggles />
        <FilterPanel />
        <ComparePanel />
        <ReportFeed />
        <CheckedFilePanel />
        <DraftPanel />
        <Sources />
      </aside>
      <footer class="app-footer">
        <TimeControls />
      </footer>
    </div>
  );
}

/**
 * What is still loading after the map opened (other days, report files), over the map's corner:
 * in the header, the line's coming and going resized the map (a layout shift, and a canvas
 * resize that waits for the GPU: docs/performance.md).
 */
function LoadingStatus() {
  const loading = useAppState((s) => s.loading);
  return loading ? (
    <p class="loading" role="status">
      {loading}
    </p>
  ) : null;
}

/** A link to this page in the other language (a new page load: the catalog is chosen at boot). */
function LanguageLink() {
  const other = UI_LANGS.find((l) => l !== uiLang()) ?? 'en';
  return (
    <a
      class="lang-link"
      href={urlInLang(location.href, other)}
      hrefLang={other}
      lang={other}
      title={t('app.readIn')}
      // At click time: the hash has followed the map since this rendered.
      onClick={(e) => {
        e.preventDefault();
        location.assign(urlInLang(location.href, other));
      }}
    >
      {t('app.otherLanguage')}
    </a>
  );
}
