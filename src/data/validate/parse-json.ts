/** JSON parsing with located, plain-language syntax errors. */
import { type ParseError, parse as parseTolerant, printParseErrorCode } from 'jsonc-parser';
import { lineLocator } from './json-scan';
import { FILE_START, type Problem } from '../problems';

/** jsonc-parser's error names (printParseErrorCode) in plain words. */
const PLAIN: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected:
    'expected a property name in double quotes (is a comma extra, or the file cut short?)',
  ValueExpected: 'expected a value (is a comma extra, or the file cut short?)',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma between items',
  CloseBraceExpected: 'expected } (the file may be cut short)',
  CloseBracketExpected: 'expected ] (the file may be cut short)',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape after a backslash',
  InvalidCharacter: 'a control character inside a string (write \\n for a line break)',
};

/**
 * Parses JSON text (a leading BOM is allowed). JSON.parse decides, fast and strict; on failure
 * jsonc-parser finds where, since engines' messages rarely carry a position.
 */
export function parseJson(text: string, file: string): { value: unknown; problems: Problem[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    return {
      value: undefined,
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          message: 'is empty',
          fix: 'a data file holds one JSON object',
        },
      ],
    };
  try {
    return { value: JSON.parse(body), problems: [] };
  } catch (e) {
    const errors: ParseError[] = [];
    try {
      parseTolerant(body, errors, {
        disallowComments: true,
        allowTrailingComma: false,
        allowEmptyContent: false,
      });
    } catch {
      // Nested too deeply for the tolerant parser: located at the start below.
    }
    const first = errors[0];
    // Without a position (nested too deeply for the tolerant parser): the start of the file.
    const at = first ? lineLocator(body)(first.offset) : FILE_START;
    const what = first
      ? (PLAIN[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error))
      : e instanceof Error
        ? e.message
        : String(e);
    return {
      value: undefined,
      problems: [
        {
          severity: 'error',
          file,
          ...at,
          message: `is not valid JSON: ${what}`,
          fix: 'fix the syntax at the given line and column (an editor with JSON support shows it)',
        },
      ],
    };
  }
}
