/**
 * One streaming pass over JSON text (jsonc-parser's visitor) that finds what JSON.parse hides:
 * where each feature of a FeatureCollection starts, and duplicate keys (JSON.parse silently
 * keeps the last). Offsets are 0-based UTF-16 indices into the text.
 */
import { visit } from 'jsonc-parser';
import { upperBound } from '../lib/search';

export interface ScanResult {
  /** Start offset of each element of the root object's `features` array. */
  featureOffsets: number[];
  /** End offset (exclusive) of each element of the root object's `features` array. */
  featureEnds: number[];
  duplicateKeys: { offset: number; key: string }[];
  /** Set when the text is nested too deeply to scan. */
  tooDeep?: boolean;
}

type Frame = { kind: 'object'; keys: string[]; key: string | null } | { kind: 'array' };

export function scanJson(text: string): ScanResult {
  const featureOffsets: number[] = [];
  const featureEnds: number[] = [];
  const duplicateKeys: { offset: number; key: string }[] = [];
  const stack: Frame[] = [];
  // The features array is the value of key "features" of the root object: stack depth 2.
  const inFeaturesArray = () => {
    const parent = stack[stack.length - 1];
    const root = stack[0];
    return (
      stack.length === 2 &&
      parent?.kind === 'array' &&
      root?.kind === 'object' &&
      root.key === 'features'
    );
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => {
          if (inFeaturesArray()) featureOffsets.push(offset);
          stack.push({ kind: 'object', keys: [], key: null });
        },
        onObjectEnd: (offset, length) => {
          stack.pop();
          if (inFeaturesArray()) featureEnds.push(offset + length);
        },
        onArrayBegin: (offset) => {
          if (inFeaturesArray()) featureOffsets.push(offset);
          stack.push({ kind: 'array' });
        },
        onArrayEnd: (offset, length) => {
          stack.pop();
          if (inFeaturesArray()) featureEnds.push(offset + length);
        },
        onLiteralValue: (_value, offset, length) => {
          if (inFeaturesArray()) {
            featureOffsets.push(offset);
            featureEnds.push(offset + length);
          }
        },
        onObjectProperty: (key, offset) => {
          const frame = stack[stack.length - 1];
          if (frame?.kind !== 'object') return;
          if (frame.keys.includes(key)) duplicateKeys.push({ offset, key });
          else frame.keys.push(key);
          frame.key = key;
        },
      },
      { disallowComments: true },
    );
  } catch (e) {
    // The visitor recurses per nesting level; absurd nesting exhausts the stack.
    if (e instanceof RangeError)
      return { featureOffsets, featureEnds, duplicateKeys, tooDeep: true };
    throw e;
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
