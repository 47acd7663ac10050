/**
 * Command-line arguments for the scripts, with one meaning per exit code in every CLI:
 * 0 done, 1 the input (data, answers) is invalid, 2 the command line is wrong (an unknown
 * option, a missing or malformed argument): the message and the usage go to stderr.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Exit code of a command line the script cannot run. */
export const USAGE_EXIT = 2;
/** Exit code of input (data, answers) that is invalid. */
export const INVALID_EXIT = 1;

/** Prints `name: message` and the usage to stderr, and exits 2. */
export function usageError(name: string, usage: string, message: string): never {
  console.error(`${name}: ${message}\n${usage}`);
  process.exit(USAGE_EXIT);
}

/**
 * node:util parseArgs (strict: unknown options and stray positionals are errors), with its
 * errors (ERR_PARSE_ARGS_*) turned into a usage error instead of an uncaught exception.
 */
export function parseCliArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  name: string,
  usage: string,
  options: O,
  argv: string[] = process.argv.slice(2),
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
    return usageError(name, usage, (e as Error).message);
  }
}

/** For scripts that take no arguments: anything given is a usage error (exit 2). */
export function refuseArguments(name: string, usage: string, argv = process.argv.slice(2)): void {
  if (argv.length > 0) usageError(name, usage, `takes no arguments; got ${argv.join(' ')}`);
}
