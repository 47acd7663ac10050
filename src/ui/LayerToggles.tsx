/** Checkboxes that show or hide the zones, places and reports layers. */
import { LAYER_KINDS, type LayerKind } from '../data/types';
import { useApp, useAppState } from './use-app-state';

const DEFAULT_TITLE: Record<LayerKind, string> = {
  fronts: 'Front lines',
  zones: 'Control zones',
  places: 'Places',
  reports: 'Reports',
};

export function LayerToggles() {
  const { store, dataset } = useApp();
  const visible = useAppState((s) => s.visible);
  return (
    <fieldset class="layers">
      <legend>Layers</legend>
      {LAYER_KINDS.map((kind) => (
        <label key={kind}>
          <input
            type="checkbox"
            checked={visible.includes(kind)}
            onChange={(e) =>
              store.getState().toggleLayer(kind, (e.currentTarget as HTMLInputElement).checked)
            }
          />{' '}
          {dataset.manifest.layers.find((l) => l.kind === kind)?.title ?? DEFAULT_TITLE[kind]}
        </label>
      ))}
    </fieldset>
  );
}
