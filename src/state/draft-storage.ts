/**
 * Keeps the pin being drafted in localStorage, so nothing typed is lost on a reload, until the
 * user exports or discards it. Storage is passed in (tests use a Map-backed stand-in).
 */
import type { ReportDraft } from '../data/new-report';

import { DRAFT_KEY } from './draft-key';

export { DRAFT_KEY };

/** A draft as typed so far: every field a string, position possibly unset. */
export type DraftFields = { [K in Exclude<keyof ReportDraft, 'lon' | 'lat'>]: string } & {
  lon: number | null;
  lat: number | null;
};

export function emptyDraft(reportedAt: string, post: string): DraftFields {
  return {
    lon: null,
    lat: null,
    reported_at: reportedAt,
    occurred_at: '',
    title: '',
    text: '',
    text_en: '',
    lang: 'ar',
    source_url: '',
    status: 'unconfirmed',
    category: '',
    source_name: '',
    post,
    translator: '',
    place: '',
  };
}

/** True when `value` has every field of a draft, each of its type (a position may be unset). */
function isDraft(value: unknown): value is DraftFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const position = (n: unknown) => n === null || (typeof n === 'number' && Number.isFinite(n));
  return Object.keys(emptyDraft('', '')).every((k) =>
    k === 'lon' || k === 'lat' ? position(v[k]) : typeof v[k] === 'string',
  );
}

/** The saved draft, or null when there is none, or what is stored is not a draft (corrupt
 * JSON, another shape, a field of the wrong type: it is ignored, and replaced on the next save). */
export function loadDraft(storage: Pick<Storage, 'getItem'>): DraftFields | null {
  try {
    const raw = storage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveDraft(storage: Pick<Storage, 'setItem'>, draft: DraftFields): void {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the draft still lives in memory.
  }
}

export function clearDraft(storage: Pick<Storage, 'removeItem'>): void {
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {
    // As above.
  }
}
