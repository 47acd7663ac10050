/**
 * Validates a layer file from its text: size, JSON syntax, duplicate keys, then every rule of
 * validate.ts, with each problem located at a line and column. The same function serves the
 * CLI, the app's loader and the in-browser preview.
 */
import { upperBound } from '../../lib/search';
import { lineLocator, propertyOffset, scanJson } from './json-scan';
import { FILE_START, locateInText } from './locate';
import { parseJson } from './parse-json';
import type { Problem } from '../problems';
import type { LayerKind } from '../types';
import {
  type LayerResult,
  MAX_LAYER_BYTES,
  MAX_SINGLE_FEATURE_BYTES,
  type ValidationContext,
  validateLayer,
} from './validate';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export function validateLayerText<K extends LayerKind>(
  kind: K,
  text: string,
  file: string,
  ctx: ValidationContext,
  /** The text already parsed with parseJson (the loader parses a zones file early, to draw its
   * newest zones first: load.ts); parsed again when not given. */
  given?: ReturnType<typeof parseJson>,
): LayerResult<K> {
  if (text.length > MAX_LAYER_BYTES)
    return {
      features: [],
      problems: [
        {
          severity: 'error',
          file,
          ...FILE_START,
          message: `is ${mb(text.length)}, over the ${mb(MAX_LAYER_BYTES)} limit for one file`,
          fix: 'split it into several files, or build vector tiles for data this large',
        },
      ],
    };
  // Offsets below are into the text without its byte order mark, as an editor counts columns.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = given ?? parseJson(body, file);
  if (parsed.problems.length) return { features: [], problems: parsed.problems };
  const isSingle =
    typeof parsed.value === 'object' &&
    parsed.value !== null &&
    (parsed.value as { type?: unknown }).type === 'Feature';
  if (isSingle && text.length > MAX_SINGLE_FEATURE_BYTES)
    return {
      features: [],
      problems: [
        {
          severity: 'error',
          file,
          ...FILE_START,
          message: `is ${mb(text.length)}; one report file may hold at most ${mb(MAX_SINGLE_FEATURE_BYTES)}`,
          fix: 'shorten the text; a report needs only a point, a paraphrase and a link',
        },
      ],
    };
  const scan = scanJson(body);
  const result = validateLayer(kind, parsed.value, file, ctx);
  const locate = lineLocator(body);
  const extra: Problem[] = scan.duplicateKeys.map((d) => ({
    severity: 'error',
    file,
    ...locate(d.offset),
    property: d.key,
    message: 'appears twice in the same object; JSON keeps only the last',
    fix: 'delete one of the two',
  }));
  if (scan.tooDeep)
    extra.push({
      severity: 'error',
      file,
      ...FILE_START,
      message: 'is nested too deeply to check',
      fix: 'GeoJSON needs at most four levels of arrays',
    });
  if (extra.length) {
    // A duplicate key makes a feature ambiguous: drop features from the affected spans. One
    // outside every feature (in the collection itself, or in a one-report file) makes the
    // whole file ambiguous.
    const value = parsed.value as { features?: unknown[] };
    const list: unknown[] = !isSingle && Array.isArray(value.features) ? value.features : [];
    let dropAll = scan.tooDeep === true;
    const bad = new Set<unknown>();
    for (const d of scan.duplicateKeys) {
      const i = isSingle ? -1 : featureIndexAt(scan.featureOffsets, scan.featureEnds, d.offset);
      if (i < 0) dropAll = true;
      else bad.add(list[i]);
    }
    result.features = dropAll ? [] : result.features.filter((f) => !bad.has(f));
  }
  const located = result.problems.map((p) => {
    if (p.line || p.featureIndex === undefined) return p;
    const from = scan.featureOffsets[p.featureIndex] ?? 0;
    const to = scan.featureOffsets[p.featureIndex + 1] ?? body.length;
    return { ...p, ...locate(p.property ? propertyOffset(body, from, to, p.property) : from) };
  });
  // Problems about the file as a whole (a root that is not GeoJSON, "crs" on the collection).
  return { features: result.features, problems: locateInText([...extra, ...located], body) };
}

/** Index of the feature whose span [start, end) holds `offset`, or -1 when none does. */
function featureIndexAt(starts: number[], ends: number[], offset: number): number {
  const i = upperBound(starts, offset) - 1;
  return i >= 0 && offset < (ends[i] ?? -1) ? i : -1;
}
