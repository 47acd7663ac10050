/** The result of checking a file (CheckedFilePanel): its counts, problems and a Clear button. A
 * chunk fetched with the checker on the first file: opening the map needs neither. */
import { formatProblem } from '../data/problems';
import type { AppState } from '../state/store';
import { useApp } from './use-app-state';

export function CheckedFileResult({ checked }: { checked: NonNullable<AppState['checked']> }) {
  const ctx = useApp();
  const errors = checked.problems.filter((p) => p.severity === 'error').length;
  return (
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
  );
}
