/**
 * How `npm run validate` prints its problems: `plain` (one line each, for people), `json` (for
 * machines) and `github` (workflow commands, which a GitHub Actions run turns into annotations
 * on the pull request's changed lines; other forges' runners print them as plain lines).
 */
import { formatProblem, type Problem } from '../../src/data/problems';

export const FORMATS = ['plain', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Summary {
  files: number;
  features: number;
  errors: number;
  warnings: number;
  problems: Problem[];
}

/** Escapes a workflow command's message: `%`, CR and LF would end or garble the command. */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value: as data, and `:` and `,`, which separate them. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * `::error file=…,line=…,col=…,title=…::message` (or `::warning`). The title names the feature
 * and property; the message says what is wrong and how to fix it.
 */
export function githubAnnotation(p: Problem): string {
  const props = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.line ?? 1}`,
    `col=${p.column ?? 1}`,
    `title=${escapeProperty([p.featureId, p.property].filter(Boolean).join(' ') || 'data file')}`,
  ];
  const message = `${p.message}${p.fix ? ` — ${p.fix}` : ''}`;
  return `::${p.severity} ${props.join(',')}::${escapeData(message)}`;
}

export const summaryLine = (s: Summary) =>
  `${s.files} files, ${s.features} features, ${s.errors} errors, ${s.warnings} warnings`;

/** The whole output of one run, in a format. */
export function formatSummary(s: Summary, format: Format): string {
  if (format === 'json') return JSON.stringify(s, null, 2);
  const lines =
    format === 'github'
      ? s.problems.map(githubAnnotation)
      : s.problems.map(
          (p) => `${p.severity === 'error' ? 'error  ' : 'warning'}  ${formatProblem(p)}`,
        );
  return [...lines, summaryLine(s)].join('\n');
}
