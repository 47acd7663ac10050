/**
 * One pass over JSON text that finds what JSON.parse hides: where each feature of a
 * FeatureCollection starts and ends, and duplicate keys (JSON.parse silently keeps the last).
 * Offsets are 0-based UTF-16 indices into the text.
 *
 * It runs only on text JSON.parse accepted, so it need not check syntax: a loop over character
 * codes with its own stack, which skips numbers and strings without building values. On 24 MB
 * of zones it takes a tenth of the time jsonc-parser's visitor took (which built every number
 * and recursed per level; docs/performance.md, "Loading a year of real-shaped daily zones").
 */
import { upperBound } from '../../lib/search';

export interface ScanResult {
  /** Start offset of each element of the root object's `features` array. */
  featureOffsets: number[];
  /** End offset (exclusive) of each element of the root object's `features` array. */
  featureEnds: number[];
  duplicateKeys: { offset: number; key: string }[];
  /** Set when the text is nested too deeply to scan. */
  tooDeep?: boolean;
}

/** Nesting deeper than this is reported, not scanned (GeoJSON needs about six levels). */
export const MAX_SCAN_DEPTH = 2_000;

type Frame = { kind: 'object'; keys: Set<string> | null; key: string | null } | { kind: 'array' };

/** The character codes the scans look for (first-zones.ts reads them too). */
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COLON = 58;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;

/** Scans JSON text that JSON.parse accepted (a leading BOM is not part of it). */
export function scanJson(text: string): ScanResult {
  const featureOffsets: number[] = [];
  const featureEnds: number[] = [];
  const duplicateKeys: { offset: number; key: string }[] = [];
  const stack: Frame[] = [];
  // The features array is the value of key "features" of the root object: stack depth 2.
  const inFeaturesArray = () =>
    stack.length === 2 &&
    stack[1].kind === 'array' &&
    stack[0].kind === 'object' &&
    stack[0].key === 'features';
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A string: a key when the next non-space character is a colon inside an object.
      const start = i;
      i++;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i += 2;
        } else if (d === QUOTE) break;
        else i++;
      }
      i++;
      const frame = stack[stack.length - 1];
      let j = i;
      while (j < n && text.charCodeAt(j) <= 32) j++;
      if (frame?.kind === 'object' && text.charCodeAt(j) === COLON) {
        const raw = text.slice(start + 1, i - 1);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        frame.keys ??= new Set();
        if (frame.keys.has(key)) duplicateKeys.push({ offset: start, key });
        else frame.keys.add(key);
        frame.key = key;
        i = j + 1;
      } else if (inFeaturesArray()) {
        featureOffsets.push(start);
        featureEnds.push(i);
      }
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (stack.length >= MAX_SCAN_DEPTH)
        return { featureOffsets, featureEnds, duplicateKeys, tooDeep: true };
      if (inFeaturesArray()) featureOffsets.push(i);
      stack.push(c === OPEN_BRACE ? { kind: 'object', keys: null, key: null } : { kind: 'array' });
      i++;
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      stack.pop();
      i++;
      if (inFeaturesArray()) featureEnds.push(i);
      continue;
    }
    if (c <= 32 || c === 44 || c === COLON) {
      i++;
      continue;
    }
    // A number or a literal (true, false, null): up to the next delimiter.
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 32) break;
      i++;
    }
    if (inFeaturesArray()) {
      featureOffsets.push(start);
      featureEnds.push(i);
    }
  }
  return { featureOffsets, featureEnds, duplicateKeys };
}

/** Converts offsets to 1-based line and column, with a line index built once per text. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const lo = upperBound(starts, offset) - 1;
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/**
 * Offset of `"key":` for a property inside one feature's text span (from its start offset to
 * the next feature's), searching properties first. Returns the feature start when not found.
 */
export function propertyOffset(text: string, from: number, to: number, property: string): number {
  const top = property.split(/[.[]/)[0];
  const span = text.slice(from, to);
  const propsAt = span.indexOf('"properties"');
  const needle = new RegExp(`"${top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`);
  const searchIn = top === 'geometry' || top === 'id' || propsAt < 0 ? span : span.slice(propsAt);
  const m = needle.exec(searchIn);
  if (!m) return from;
  return from + (searchIn === span ? 0 : propsAt) + m.index;
}
