/** A located problem in a data file, as the validator, the loader and the CLI report it. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
  featureId?: string;
  /** Position of the feature in its file (0-based), when it came from a feature list. */
  featureIndex?: number;
  property?: string;
  message: string;
  /** How to fix it. */
  fix?: string;
}

/** Where a problem about a file with no usable text goes (unreadable, too large): its start. */
export const FILE_START = { line: 1, column: 1 } as const;

/** `file:line:col  <feature id>  <property>: <what is wrong> — <how to fix>` */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const feature = p.featureId ?? '-';
  const prop = p.property ? `${p.property}: ` : '';
  const fix = p.fix ? ` — ${p.fix}` : '';
  return `${where}  ${feature}  ${prop}${p.message}${fix}`;
}
