/** Checkboxes that show or hide the zones, places and reports layers. */
import { LAYER_KINDS, type LayerKind } from '../../data/types';
import { useApp, useAppState } from '../use-app-state';
import { type MessageId, t, uiLang } from '../../i18n/i18n';

const DEFAULT_TITLE: Record<LayerKind, MessageId> = {
  fronts: 'layers.fronts',
  zones: 'layers.zones',
  places: 'layers.places',
  reports: 'layers.reports',
};

export function LayerToggles() {
  const { store, dataset } = useApp();
  const visible = useAppState((s) => s.visible);
  // The dataset's own layer titles are English: in another language, the interface's own names.
  const layerTitle = (kind: LayerKind) =>
    (uiLang() === 'en' ? dataset.manifest.layers.find((l) => l.kind === kind)?.title : undefined) ??
    t(DEFAULT_TITLE[kind]);
  return (
    <fieldset class="layers">
      <legend>{t('layers.title')}</legend>
      {LAYER_KINDS.map((kind) => (
        <label key={kind}>
          <input
            type="checkbox"
            checked={visible.includes(kind)}
            onChange={(e) =>
              store.getState().toggleLayer(kind, (e.currentTarget as HTMLInputElement).checked)
            }
          />{' '}
          {layerTitle(kind)}
        </label>
      ))}
    </fieldset>
  );
}
