/** The map area accepts a dropped GeoJSON file and checks it in the browser. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from './use-app-state';
import { t } from '../i18n/i18n';

/**
 * Reads and checks a file, then hands the result to the store. The checker (validators and
 * parser) is fetched on the first file, so it stays out of the app's main bundle.
 */
export async function checkUserFile(file: File, ctx: ReturnType<typeof useApp>) {
  const [text, { checkFile }] = await Promise.all([file.text(), import('../data/check-file')]);
  ctx.store.getState().setChecked(checkFile(file.name, text, ctx.dataset));
}

export function FileDrop({ children }: { children: ComponentChildren }) {
  const ctx = useApp();
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  return (
    <main
      class={over ? 'map-wrap dragging' : 'map-wrap'}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        const file = e.dataTransfer?.files?.[0];
        setOver(false);
        if (!file) return;
        e.preventDefault();
        void checkUserFile(file, ctx);
      }}
    >
      {children}
      {over && <div class="drop-hint">{t('drop.hint')}</div>}
    </main>
  );
}
