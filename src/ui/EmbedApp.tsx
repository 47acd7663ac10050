/**
 * The embedded map (`?embed=locked|replayable`): no app chrome; the title and date, a compact
 * legend, the attribution and a link to the full map. "replayable" adds a compact time slider;
 * "locked" keeps the moment of the link. Nothing here reads or writes storage or cookies.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { EmbedMode } from '../lib/share-links';
import { momentLink } from '../lib/share-links';
import { formatUtcInWords } from '../lib/time';
import { UNKNOWN_COLOR } from '../lib/palette';
import { TimeSlider } from './time/TimeSlider';
import { useApp, useAppState } from './use-app-state';
import { t, uiLang } from '../i18n/i18n';
import { DATA_LANG } from '../lib/lang';

export interface EmbedAppProps {
  mode: EmbedMode;
  /** Called once with the element the map should draw into. */
  onMapContainer(el: HTMLElement): void;
}

export function EmbedApp({ mode, onMapContainer }: EmbedAppProps) {
  const { dataset } = useApp();
  const mapEl = useRef<HTMLElement>(null);
  useEffect(() => {
    if (mapEl.current) onMapContainer(mapEl.current);
  }, []);
  const { manifest } = dataset;
  return (
    <div class={`embed embed-${mode}`}>
      <header class="embed-header">
        <h1 lang={DATA_LANG}>{manifest.title}</h1>
        <EmbedClock />
      </header>
      <div class="embed-map">
        <section class="map" ref={mapEl} aria-label={t('app.map')} />
        <ul class="embed-legend" aria-label={t('embed.legend')}>
          {manifest.factions.map((f) => (
            <li key={f.id}>
              <span class="swatch" style={{ background: f.color }} aria-hidden="true" />{' '}
              <span lang={DATA_LANG}>{f.label}</span>
            </li>
          ))}
          <li>
            <span class="swatch" style={{ background: UNKNOWN_COLOR }} aria-hidden="true" />{' '}
            {t('embed.unknown')}
          </li>
        </ul>
      </div>
      <footer class="embed-footer">
        {mode === 'replayable' && <TimeSlider />}
        <p class="embed-credit">
          <span class="embed-attribution" lang={DATA_LANG}>
            {manifest.attribution}
          </span>
          <FullMapLink />
        </p>
      </footer>
    </div>
  );
}

function EmbedClock() {
  const time = useAppState((s) => s.t);
  return (
    <time class="embed-date" dateTime={new Date(time).toISOString()}>
      {formatUtcInWords(time, uiLang())}
    </time>
  );
}

/** The full app at the moment and view shown here, in a new tab. */
function FullMapLink() {
  const time = useAppState((s) => s.t);
  const view = useAppState((s) => s.view);
  const layers = useAppState((s) => s.visible);
  const filter = useAppState((s) => s.filter);
  const window = useAppState((s) => s.pinWindow);
  const href = momentLink(location.href, {
    t: time,
    center: view.center,
    zoom: view.zoom,
    layers,
    filter,
    window,
  });
  return (
    <a class="embed-open" href={href} target="_blank" rel="noopener">
      {t('embed.openFull')}
    </a>
  );
}
