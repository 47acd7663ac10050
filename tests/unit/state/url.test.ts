import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/state/url';

describe('URL hash', () => {
  it('round-trips time, view and layers', () => {
    const state = {
      t: Date.parse('2015-10-23T23:34:00Z'),
      center: [37.12345, 36.05432] as [number, number],
      zoom: 9.25,
      layers: ['zones' as const, 'reports' as const],
    };
    const hash = formatHash(state);
    expect(hash).toBe('#t=2015-10-23T23:34:00Z&c=37.12345,36.05432&z=9.25&l=zones,reports');
    expect(parseHash(hash)).toEqual(state);
  });
  it('ignores bad parts and keeps good ones', () => {
    expect(parseHash('#t=yesterday&c=200,10&z=9&l=zones,bogus')).toEqual({
      zoom: 9,
      layers: ['zones'],
    });
    expect(parseHash('')).toEqual({});
  });
  it('accepts an empty layer list (everything hidden)', () => {
    expect(parseHash('l=')).toEqual({ layers: [] });
  });
});
