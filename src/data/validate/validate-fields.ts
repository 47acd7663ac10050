/** Checks one properties object against its field schema. */
import { isHttpUrl } from '../../lib/http-url';
import { parseIsoTime } from '../../lib/time';
import type { Problem } from '../problems';
import {
  CLAIM_FIELDS,
  CONTESTED_FIELDS,
  CONTROL_FIELDS,
  type FieldSpec,
  type Fields,
} from '../schema';

export interface Where {
  file: string;
  featureId?: string;
  featureIndex?: number;
}

const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>/i;

export { isHttpUrl };

function checkValue(name: string, spec: FieldSpec, value: unknown, where: Where, out: Problem[]) {
  const problem = (message: string, fix: string) =>
    out.push({ severity: 'error', ...where, property: name, message, fix });
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '')
        return problem('must be a non-empty string', `give ${spec.doc}`);
      if (spec.maxLength && value.length > spec.maxLength)
        return problem(`is ${value.length} characters long`, `keep it under ${spec.maxLength}`);
      if (HTML_TAG.test(value))
        return problem(
          'contains HTML markup',
          'write plain text: markup is never rendered, only shown as text',
        );
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return problem('must be a number', `give ${spec.doc}`);
      if (spec.min !== undefined && value < spec.min)
        return problem(`must be at least ${spec.min}`, `give ${spec.doc}`);
      return;
    case 'string-list':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return problem('must be a list of strings', 'write ["…", "…"] (an empty list [] is fine)');
      return;
    case 'time':
      if (parseIsoTime(value) === null)
        return problem(
          `is not an ISO 8601 time with a zone (${JSON.stringify(value)})`,
          'write e.g. 2015-10-23T18:00:00Z',
        );
      return;
    case 'url':
      if (!isHttpUrl(value))
        return problem('must be an http(s) URL', 'paste the full link, starting with https://');
      if (value.startsWith('http:'))
        out.push({
          severity: 'warning',
          ...where,
          property: name,
          message: 'uses http, not https',
          fix: 'use https:// where the site offers it (an archived copy may)',
        });
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values?.includes(value))
        return problem(`must be one of ${spec.values?.join(', ')}`, `not ${JSON.stringify(value)}`);
      return;
    case 'claim-list':
    case 'contested-list':
    case 'control-list': {
      const list = LISTS[spec.type];
      if (!Array.isArray(value) || value.length === 0) return problem(list.empty, list.emptyFix);
      value.forEach((entry, i) => {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          problem(`entry ${i} must be an object`, list.entryFix);
          return;
        }
        const inner = checkFields(entry as Record<string, unknown>, list.fields, where);
        for (const p of inner) out.push({ ...p, property: `${name}[${i}].${p.property}` });
      });
      return;
    }
  }
}

/** Lists of objects: each entry is checked against its own fields. */
const LISTS = {
  'control-list': {
    fields: CONTROL_FIELDS,
    empty: 'must be a non-empty list of {from, faction, source}',
    emptyFix: 'add who held the place from when, with a source',
    entryFix: 'write {"from": …, "faction": …, "source": …}',
  },
  'claim-list': {
    fields: CLAIM_FIELDS,
    empty: 'must be a non-empty list of {faction, source}',
    emptyFix: 'list each disagreeing claim with its source, or leave the field out',
    entryFix: 'write {"faction": …, "source": …}',
  },
  'contested-list': {
    fields: CONTESTED_FIELDS,
    empty: 'must be a non-empty list of {from, factions, source}',
    emptyFix: 'list each spell of fighting with its source, or leave the field out',
    entryFix: 'write {"from": …, "to": …, "factions": ["…", "…"], "source": …}',
  },
} as const;

/** Checks required fields, types and unknown fields; returns the problems found. */
export function checkFields(obj: Record<string, unknown>, fields: Fields, where: Where): Problem[] {
  const out: Problem[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const value = obj[name];
    if (value === undefined || value === null) {
      if (spec.required)
        out.push({
          severity: 'error',
          ...where,
          property: name,
          message: 'is missing',
          fix: `add ${spec.doc}`,
        });
      continue;
    }
    checkValue(name, spec, value, where, out);
  }
  for (const name of Object.keys(obj)) {
    // Own keys only: `name in fields` would take "toString" or "__proto__" for known fields.
    if (!Object.hasOwn(fields, name) && name !== '$schema')
      out.push({
        severity: 'warning',
        ...where,
        property: name,
        message: 'is not a known property',
        fix: `check the spelling; known: ${Object.keys(fields).join(', ')}`,
      });
  }
  return out;
}
