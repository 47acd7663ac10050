/**
 * Builds one report pin file from a translator's answers: the same function serves
 * `npm run new-report` and the app's "Draft a pin" mode, so both write the same bytes.
 */
import { fixLayer } from './fix';
import type { Json } from './format-json';
import type { ReportProps } from './types';

/** What a translator fills in: a report's properties (less the ones bulk imports set) plus where
 * it is ([lon, lat] in degrees). */
export type ReportDraft = Omit<
  ReportProps,
  'precision' | 'uncertainty_m' | 'fatalities' | 'unplaced_names'
> & {
  lon: number;
  lat: number;
};

/** "Khan Ṭūmān: TOW strike!" -> "khan-tuman-tow-strike" (ASCII, at most 50 characters). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

/** The file's id and path below data/: reports/<yyyy>/<yyyy-mm-dd>-<slug>.geojson. */
export function reportPath(draft: Pick<ReportDraft, 'reported_at' | 'title' | 'place'>): {
  id: string;
  path: string;
} {
  const date = draft.reported_at.slice(0, 10);
  const slug = slugify(draft.title) || slugify(draft.place ?? '') || 'report';
  const id = `${date}-${slug}`;
  return { id, path: `reports/${date.slice(0, 4)}/${id}.geojson` };
}

/** The file text of a draft, in the project's canonical layout (the same --fix would give). */
export function reportFileText(draft: ReportDraft): { id: string; path: string; text: string } {
  const { id, path } = reportPath(draft);
  const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const properties: Record<string, Json | undefined> = {
    reported_at: draft.reported_at,
    occurred_at: optional(draft.occurred_at),
    title: draft.title.trim(),
    text: draft.text.trim(),
    text_en: optional(draft.text_en),
    lang: draft.lang.trim(),
    source_url: draft.source_url.trim(),
    status: draft.status,
    category: draft.category,
    source_name: optional(draft.source_name),
    post: optional(draft.post),
    translator: optional(draft.translator),
    place: optional(draft.place),
  };
  for (const k of Object.keys(properties)) if (properties[k] === undefined) delete properties[k];
  const feature: Json = {
    $schema: '../../schema/report.schema.json',
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [draft.lon, draft.lat] },
    properties: properties as Record<string, Json>,
  };
  return { id, path, text: fixLayer(feature, 'reports') };
}
