/** "Check a file": pick (or drop) a GeoJSON file, see its problems and its pins at their time. */
import { formatProblem } from '../data/problems';
import { checkUserFile } from './FileDrop';
import { useApp, useAppState } from './use-app-state';

export function CheckedFilePanel() {
  const ctx = useApp();
  const checked = useAppState((s) => s.checked);
  const errors = checked?.problems.filter((p) => p.severity === 'error').length ?? 0;
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
      {checked && (
        <div class="check-result" role="status" aria-label="File check result">
          <p>
            <strong>{checked.name}</strong>: {checked.kind ?? 'unknown kind'}, {checked.valid} valid
            feature{checked.valid === 1 ? '' : 's'}, {errors} error{errors === 1 ? '' : 's'},{' '}
            {checked.problems.length - errors} warning
            {checked.problems.length - errors === 1 ? '' : 's'}.
            {checked.reports.length > 0 && ' Its pins are drawn ringed in purple, at their time.'}
          </p>
          {checked.problems.length > 0 && (
            <ul class="problem-lines">
              {checked.problems.map((p, i) => (
                <li key={i} class={p.severity}>
                  {formatProblem(p)}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => ctx.store.getState().setChecked(null)}>
            Clear
          </button>
        </div>
      )}
    </section>
  );
}
