/**
 * A report filter in the URL hash: `f=status:confirmed,claimed;category:air-drone-strike;
 * source:SOHR;post:p-1;q:khan%20tuman`. Facets are `;`-separated, values `,`-separated, each
 * value percent-encoded, so an outlet's name may hold any character. Forgiving: an unknown facet
 * or a bad escape is dropped, the rest applies.
 */
import { FACETS, type Facet, NO_FILTER, type ReportFilter } from './report-filter';

const enc = (v: string) =>
  encodeURIComponent(v).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The f= value of a filter ('' when it narrows nothing). */
export function formatFilter(f: ReportFilter): string {
  const parts = FACETS.filter((k) => f[k].length > 0).map((k) => `${k}:${f[k].map(enc).join(',')}`);
  if (f.text.trim()) parts.push(`q:${enc(f.text.trim())}`);
  return parts.join(';');
}

const dec = (v: string): string | null => {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
};

/** A filter from an f= value as written in the hash (still percent-encoded). */
export function parseFilter(raw: string): ReportFilter {
  const out: { -readonly [K in keyof ReportFilter]: ReportFilter[K] } = { ...NO_FILTER };
  for (const part of raw.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon);
    const body = part.slice(colon + 1);
    if (name === 'q') out.text = dec(body) ?? '';
    else if ((FACETS as readonly string[]).includes(name)) {
      const values = body
        .split(',')
        .map(dec)
        .filter((v): v is string => v !== null && v !== '');
      out[name as Facet] = [...new Set(values)];
    }
  }
  return out;
}

/** The raw (not decoded) value of a parameter of a location hash, or null. */
export function rawHashParam(hash: string, name: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&'))
    if (part.startsWith(`${name}=`)) return part.slice(name.length + 1);
  return null;
}
