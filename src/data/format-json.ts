/**
 * The one JSON layout of every data file the project writes (derived layers, basemap, --fix,
 * new reports, drafts from the app): 1-space indentation, positions and rings of positions on
 * one line, a final newline. Same value in, same bytes out.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isNumbers = (v: Json): boolean => Array.isArray(v) && v.every((x) => typeof x === 'number');

export function stringifyData(value: Json): string {
  return `${layout(value, '')}\n`;
}

function layout(value: Json, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (isNumbers(value)) return `[${value.join(', ')}]`;
    if (value.every(isNumbers)) return `[${value.map((v) => layout(v, '')).join(', ')}]`;
    const inner = `${indent} `;
    return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) return '{}';
    const inner = `${indent} `;
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${layout(value[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
