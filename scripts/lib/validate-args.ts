/**
 * Arguments of `npm run validate`: a pure parser, so that every mistake is a usage error
 * (exit 2) with a clear message before any file is read.
 */
import { FORMATS, type Format } from './problem-formats';

export const VALIDATE_USAGE = `usage: npm run validate -- [paths…] [--format plain|json|github] [--changed <git ref>] [--fix]
  paths       files or folders to check, in the context of the dataset (default: all of it);
              a folder means every data file below it; a dataset.json names the manifest
  --format    plain (default): one line per problem; json: for machines (--json is the same);
              github: workflow-command annotations for GitHub Actions
  --changed   only the data files changed since that git ref (committed or not), e.g. origin/main
  --fix       first rewrite what is mechanical (ring winding, precision, key order, layout)`;

export interface ValidateArgs {
  format: Format;
  fix: boolean;
  changed?: string;
  paths: string[];
}

/** Parses argv (without node and the script); returns the arguments or what is wrong. */
export function parseValidateArgs(
  argv: readonly string[],
): { ok: true; args: ValidateArgs } | { ok: false; error: string } {
  const args: ValidateArgs = { format: 'plain', fix: false, paths: [] };
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    if (flag === '--json' && inline === undefined) format = 'json';
    else if (flag === '--fix' && inline === undefined) args.fix = true;
    else if (flag === '--format') {
      const v = value();
      if (v === null) return { ok: false, error: `--format needs one of ${FORMATS.join(', ')}` };
      format = v;
    } else if (flag === '--changed') {
      const v = value();
      if (!v) return { ok: false, error: '--changed needs a git ref, e.g. --changed origin/main' };
      args.changed = v;
    } else if (a.startsWith('--')) return { ok: false, error: `unknown option ${a}` };
    else args.paths.push(a);
  }
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format))
      return { ok: false, error: `--format ${format}: use one of ${FORMATS.join(', ')}` };
    args.format = format as Format;
  }
  if (args.changed && args.paths.some((p) => !p.endsWith('dataset.json')))
    return {
      ok: false,
      error: '--changed picks the files itself: name no files besides a dataset.json',
    };
  return { ok: true, args };
}
