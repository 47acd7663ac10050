/**
 * Where the draft is kept, and whether anything is: read at start by DraftPanel without the rest
 * of draft-storage.ts, which loads with the form (the start JavaScript has a budget).
 */
export const DRAFT_KEY = 'conflict-map:draft:v1';

/** Whether storage holds something under the draft's key (false when storage is refused). */
export function hasStoredDraft(storage: Pick<Storage, 'getItem'>): boolean {
  try {
    return Boolean(storage.getItem(DRAFT_KEY));
  } catch {
    return false;
  }
}
