/** The result of checking a file (CheckedFilePanel): its counts, problems and a Clear button. A
 * chunk fetched with the checker on the first file: opening the map needs neither. */
import { formatProblem } from '../../data/problems';
import type { AppState } from '../../state/store';
import { useApp } from '../use-app-state';
import { loadMessages, t } from '../../i18n/i18n';

/** The result's strings (the `check` catalog part), fetched with its code; the panel awaits it.
 * The validator's own problem lines stay English: they are for contributors. */
export const messagesReady = loadMessages('check');

export function CheckedFileResult({ checked }: { checked: NonNullable<AppState['checked']> }) {
  const ctx = useApp();
  const errors = checked.problems.filter((p) => p.severity === 'error').length;
  return (
    <div class="check-result" role="status" aria-label={t('check.result')}>
      <p>
        <strong>{checked.name}</strong>:{' '}
        {t('check.summary', {
          kind: checked.kind ?? t('check.unknownKind'),
          valid: checked.valid,
          errors,
          warnings: checked.problems.length - errors,
        })}
        {checked.reports.length > 0 && t('check.ringed')}
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
        {t('check.clear')}
      </button>
    </div>
  );
}
