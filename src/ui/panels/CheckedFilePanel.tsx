/** "Check a file": pick (or drop) a GeoJSON file, see its problems and its pins at their time. */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppState } from '../../state/store';
import { checkUserFile } from '../FileDrop';
import { useApp, useAppState } from '../use-app-state';

type Result = FunctionComponent<{ checked: NonNullable<AppState['checked']> }>;

export function CheckedFilePanel() {
  const ctx = useApp();
  const checked = useAppState((s) => s.checked);
  // The result's code comes with the first checked file (CheckedFileResult.tsx).
  const [Result, setResult] = useState<Result | null>(null);
  useEffect(() => {
    if (checked && !Result)
      void import('./CheckedFileResult').then((m) =>
        m.messagesReady.then(() => setResult(() => m.CheckedFileResult)),
      );
  }, [checked, Result]);
  return (
    <section class="check" aria-labelledby="check-title">
      <h2 id="check-title">Check a file</h2>
      <p class="muted">
        Drop a .geojson file on the map, or pick one. It is checked here, in your browser, by the
        same rules as npm run validate; nothing is uploaded.
      </p>
      <label class="button-like">
        Pick a file…
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          class="visually-hidden"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void checkUserFile(file, ctx).then(() => (input.value = ''));
          }}
        />
      </label>
      {checked && Result && <Result checked={checked} />}
    </section>
  );
}
