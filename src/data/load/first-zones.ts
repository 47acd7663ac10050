/**
 * The zones drawn first: on a large zones file (a year of daily fronts), the loader sends the
 * zones active at the moment the app opens as soon as the file is parsed, before validating and
 * triangulating the rest, so the map shows the current front lines seconds earlier and fills in
 * the other days after (docs/performance.md, "Newest first"). Pure: no DOM, no workers.
 */
import { parseIsoTime } from '../../lib/time';
import { zoneInterval } from '../timeline';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../validate/json-scan';

/**
 * The features of a parsed zones FeatureCollection active at t (valid_from <= t < valid_to, as
 * Timeline.zonesActiveAt reads them), by their raw properties: they are not validated here, the
 * caller validates them. A feature whose valid_from is not a time is left out.
 */
export function rawZonesActiveAt(value: unknown, t: number): unknown[] {
  const features = (value as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  return features.filter((f) => {
    const p = (f as { properties?: { valid_from?: unknown; valid_to?: unknown } } | null)
      ?.properties;
    if (!p || parseIsoTime(p.valid_from) === null) return false;
    const { t0, t1 } = zoneInterval({ properties: p as { valid_from: string; valid_to?: string } });
    return t0 <= t && t < t1;
  });
}

/** Where a feature lies in the text, and its "properties" object (-1 when it has none). */
export interface FeatureSpan {
  start: number;
  end: number;
  propsStart: number;
  propsEnd: number;
}

/**
 * The spans of the features of a FeatureCollection's text (a leading BOM is not part of it),
 * without parsing it: one pass over character codes that counts brackets and skips strings,
 * and over each geometry in one search.
 * Null unless the text is one object whose brackets balance, with nothing after it: a file cut
 * short, the usual broken download, gives null. Other syntax errors are left to JSON.parse.
 */
export function featureSpans(text: string): FeatureSpan[] | null {
  const spans: FeatureSpan[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  if (text.charCodeAt(i) !== OPEN_BRACE) return null;
  let depth = 0;
  let key = '';
  let inFeatures = false;
  let span: FeatureSpan | null = null;
  let inProps = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      // The closing quote: the next one not escaped by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return null;
        let b = i - 1;
        while (text.charCodeAt(b) === BACKSLASH) b--;
        if ((i - 1 - b) % 2 === 0) break;
      }
      // Keys matter only in the root object and in a feature.
      if (depth === 1 || (depth === 3 && inFeatures)) {
        let j = i + 1;
        while (j < n && text.charCodeAt(j) <= 32) j++;
        if (text.charCodeAt(j) === COLON) {
          key = text.slice(start + 1, i);
          i = j;
        }
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && c === OPEN_BRACKET && key === 'features') inFeatures = true;
      else if (depth === 3 && inFeatures && c === OPEN_BRACE)
        span = { start: i, end: -1, propsStart: -1, propsEnd: -1 };
      else if (depth === 4 && span && c === OPEN_BRACE && key === 'properties') {
        inProps = true;
        span.propsStart = i;
      } else if (depth === 4 && span && c === OPEN_BRACE && key === 'geometry') {
        // A geometry's coordinates hold no braces: its object ends at the next "}" when no
        // "{" comes first (not a GeometryCollection). One native search instead of a loop
        // over every digit, most of the file. A string holding "}" would cut the span short:
        // the feature's text would then not parse, and peekZonesActiveAt gives up.
        const end = text.indexOf('}', i);
        const nested = text.indexOf('{', i + 1);
        if (end > 0 && (nested < 0 || nested > end)) {
          i = end;
          depth--;
        }
      }
      key = '';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 4 && inProps && span) {
        span.propsEnd = i + 1;
        inProps = false;
      } else if (depth === 3 && span) {
        span.end = i + 1;
        spans.push(span);
        span = null;
      } else if (depth === 2) inFeatures = false;
      depth--;
      if (depth === 0) break;
    }
  }
  if (depth !== 0) return null;
  for (i++; i < n; i++) if (text.charCodeAt(i) > 32) return null;
  return spans;
}

/**
 * rawZonesActiveAt on a zones file's text, parsing only what it needs: every feature's
 * properties, then the features active at t. Null when featureSpans finds no whole
 * FeatureCollection, or a piece it picked does not parse: the caller parses the whole text.
 */
export function peekZonesActiveAt(text: string, t: number): unknown[] | null {
  const spans = featureSpans(text);
  if (!spans) return null;
  try {
    // Stand-ins holding only the properties, in the spans' order.
    const standIns = spans.map((s) => ({
      properties: s.propsEnd > 0 ? JSON.parse(text.slice(s.propsStart, s.propsEnd)) : null,
    }));
    const index = new Map(standIns.map((f, k) => [f, k]));
    return rawZonesActiveAt({ features: standIns }, t).map((f) => {
      const s = spans[index.get(f as (typeof standIns)[number]) ?? -1];
      return JSON.parse(text.slice(s.start, s.end));
    });
  } catch {
    return null;
  }
}
