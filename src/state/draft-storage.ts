/**
 * Keeps the pin being drafted in localStorage, so nothing typed is lost on a reload, until the
 * user exports or discards it. Storage is passed in (tests use a Map-backed stand-in).
 */
import type { ReportDraft } from '../data/new-report';

export const DRAFT_KEY = 'conflict-map:draft:v1';

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

export function loadDraft(storage: Pick<Storage, 'getItem'>): DraftFields | null {
  try {
    const raw = storage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw);
    return typeof value === 'object' && value !== null && typeof value.title === 'string'
      ? (value as DraftFields)
      : null;
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
