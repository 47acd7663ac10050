/** Data problems found while loading, named by file and feature; the map keeps working. */
import { formatProblem } from '../data/problems';
import { useAppState } from './use-app-state';
import { t } from '../i18n/i18n';

export function ProblemList() {
  const problems = useAppState((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const files = [...new Set(errors.map((p) => p.file))];
  return (
    <section class="problems" role="alert" aria-label={t('problems.label')}>
      <strong>{t('problems.summary', { count: errors.length, files: files.join(', ') })}</strong>
      {/* Validator messages are for contributors: English, whatever the interface language. */}
      <ul lang="en">
        {errors.slice(0, 20).map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
      </ul>
      {errors.length > 20 && <p>{t('problems.more', { count: errors.length - 20 })}</p>}
    </section>
  );
}
