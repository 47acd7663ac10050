/** The map area accepts a dropped GeoJSON file and checks it in the browser. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { checkFile } from '../data/check-file';
import { useApp } from './use-app-state';

/** Reads and checks a file, then hands the result to the store. */
export async function checkUserFile(file: File, ctx: ReturnType<typeof useApp>) {
  const text = await file.text();
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
      {over && <div class="drop-hint">Drop a GeoJSON file to check it and see its pins</div>}
    </main>
  );
}
