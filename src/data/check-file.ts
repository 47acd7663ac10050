/**
 * Checks a file a user dropped on the map (or picked): which kind it is, its problems, and the
 * report pins it holds, validated by the same code as the CLI and the loader.
 */
import { inferKind } from './infer-kind';
import { parseJson } from './validate/parse-json';
import type { Problem } from './problems';
import type { Dataset, LayerKind, Report } from './types';
import { contextOf } from './validate/validate';
import { validateLayerText } from './validate/validate-text';

export interface CheckedFile {
  name: string;
  kind: LayerKind | null;
  problems: Problem[];
  /** Valid report pins, to preview on the map. */
  reports: Report[];
  /** How many features passed. */
  valid: number;
}

export function checkFile(name: string, text: string, dataset: Dataset): CheckedFile {
  const parsed = parseJson(text, name);
  if (parsed.problems.length)
    return { name, kind: null, problems: parsed.problems, reports: [], valid: 0 };
  const kind = inferKind(parsed.value);
  if (!kind)
    return {
      name,
      kind,
      reports: [],
      valid: 0,
      problems: [
        {
          severity: 'error',
          file: name,
          message:
            'is not a report, place or zone file (no reported_at, control or valid_from property found)',
          fix: 'start from the example in CONTRIBUTING.md',
        },
      ],
    };
  const r = validateLayerText(kind, text, name, contextOf(dataset.manifest, dataset.posts));
  const taken = new Set([...dataset.reports, ...dataset.places, ...dataset.zones].map((f) => f.id));
  const clash: Problem[] = r.features
    .filter((f) => taken.has(f.id))
    .map((f) => ({
      severity: 'warning',
      file: name,
      featureId: f.id,
      property: 'id',
      message: 'is already used in the dataset',
      fix: 'a new file needs a new id; an edit of an existing one keeps it',
    }));
  return {
    name,
    kind,
    problems: [...r.problems, ...clash],
    reports: kind === 'reports' ? (r.features as Report[]) : [],
    valid: r.features.length,
  };
}
