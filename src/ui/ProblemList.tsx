/** Data problems found while loading, named by file and feature; the map keeps working. */
import { formatProblem } from '../data/problems';
import { useAppState } from './use-app-state';

export function ProblemList() {
  const problems = useAppState((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const files = [...new Set(errors.map((p) => p.file))];
  return (
    <section class="problems" role="alert" aria-label="Data problems">
      <strong>
        {errors.length} problem{errors.length === 1 ? '' : 's'} in {files.join(', ')}: the features
        concerned are not shown.
      </strong>
      <ul>
        {errors.slice(0, 20).map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
      </ul>
      {errors.length > 20 && (
        <p>… and {errors.length - 20} more (run npm run validate for the full list).</p>
      )}
    </section>
  );
}
