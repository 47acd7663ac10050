import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  DRAFT_KEY,
  emptyDraft,
  loadDraft,
  saveDraft,
} from '../../../src/state/draft-storage';

/** A Map-backed Storage; `fail` makes every call throw, as a disabled or full storage does. */
function storage(initial: Record<string, string> = {}, fail = false) {
  const m = new Map(Object.entries(initial));
  const guard = () => {
    if (fail) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return {
    getItem: (k: string) => {
      guard();
      return m.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      guard();
      m.set(k, v);
    },
    removeItem: (k: string) => {
      guard();
      m.delete(k);
    },
    map: m,
  };
}

const draft = { ...emptyDraft('2015-11-08T00:00:00Z', 'p1'), title: 'T', lon: 37, lat: 36 };

describe('draft storage', () => {
  it('a saved draft loads back as it was; a cleared one is gone', () => {
    const s = storage();
    saveDraft(s, draft);
    expect(loadDraft(s)).toEqual(draft);
    clearDraft(s);
    expect(loadDraft(s)).toBeNull();
    expect(s.map.size).toBe(0);
  });

  it('a draft with its position unset loads', () => {
    const s = storage();
    saveDraft(s, { ...draft, lon: null, lat: null });
    expect(loadDraft(s)).toMatchObject({ lon: null, lat: null });
  });

  it.each([
    ['nothing stored', undefined],
    ['corrupt JSON', '{"title": "Half'],
    ['null', 'null'],
    ['a list', '["title"]'],
    ['a string', '"title"'],
    ['only a title', '{"title": "T"}'],
    ['a field of the wrong type', JSON.stringify({ ...draft, text: 5 })],
    ['a position that is not a number', JSON.stringify({ ...draft, lon: 'east' })],
    // JSON.parse reads 1e400 as Infinity.
    ['a position that is not finite', JSON.stringify(draft).replace('"lat":36', '"lat":1e400')],
    ['a field missing', JSON.stringify({ ...draft, category: undefined })],
  ])('ignores %s', (_what, stored) => {
    expect(loadDraft(storage(stored === undefined ? {} : { [DRAFT_KEY]: stored }))).toBeNull();
  });

  it('never throws when storage does: reads give no draft, writes and clears are dropped', () => {
    const s = storage({ [DRAFT_KEY]: JSON.stringify(draft) }, true);
    expect(loadDraft(s)).toBeNull();
    expect(() => saveDraft(s, draft)).not.toThrow();
    expect(() => clearDraft(s)).not.toThrow();
  });
});
