import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load/load';
import { searchKey, searchPlaces } from '../../../src/data/place-search';
import type { Place } from '../../../src/data/types';
import { readLocal, repoUrl } from '../read-local';

let places: Place[];
beforeAll(async () => {
  const { dataset } = await loadDataset(repoUrl('data/dataset.json'), readLocal, undefined, {
    topology: false,
  });
  places = dataset!.places;
});
const first = (q: string) => searchPlaces(places, q)[0]?.place.id;

describe('searchKey', () => {
  it('folds case, diacritics, apostrophes and the article', () => {
    expect(searchKey('Ḩamāh')).toBe('hamah');
    expect(searchKey("Ma'arrat al-Nu'man")).toBe(searchKey('Maarrat Numan'));
    expect(searchKey('al-Bab')).toBe('bab');
    expect(searchKey('KHAN TOUMAN')).toBe(searchKey('khan tuman'));
  });

  it('folds Arabic letter variants and vowel marks, and the article ال', () => {
    expect(searchKey('حَمَاة')).toBe(searchKey('حماه'));
    expect(searchKey('إدلب')).toBe(searchKey('ادلب'));
    expect(searchKey('الباب')).toBe('باب');
  });
});

describe('searchPlaces on the bundled dataset', () => {
  it('finds Khan Tuman by any spelling, in Latin or Arabic script', () => {
    for (const q of ['Khan Touman', 'Khan Tuman', 'khan toman', 'KHAN TUMAN', 'خان طومان'])
      expect(first(q), q).toBe('khan-tuman');
    const khan = searchPlaces(places, 'خان').map((m) => m.place.id);
    expect(khan.sort()).toEqual(['khan-shaykhun', 'khan-tuman']);
  });

  it('ranks an exact name above a prefix and a prefix above a substring', () => {
    const ids = searchPlaces(places, 'Aleppo').map((m) => m.place.id);
    expect(ids[0]).toBe('aleppo');
    expect(ids).toContain('aleppo-international-airport');
    expect(first('Kuweires air')).toBe('kuweires-air-base');
  });

  it('matches diacritics and transliterations in aliases (Ḩamāh, Lattakia)', () => {
    expect(first('Hamah')).toBe('hama');
    expect(first('lattakia')).toBe('latakia');
    expect(first('اللاذقية')).toBe('latakia');
  });

  it('returns nothing for an empty or unmatched query, and at most `limit` matches', () => {
    expect(searchPlaces(places, '   ')).toEqual([]);
    expect(searchPlaces(places, 'zzzz')).toEqual([]);
    expect(searchPlaces(places, 'a', 3)).toHaveLength(3);
  });
});
