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
  it('round-trips a comparison: a= and b=, with b as the map time', () => {
    const a = Date.parse('2015-10-16T12:00:00Z');
    const b = Date.parse('2015-10-23T23:34:00Z');
    const hash = formatHash({
      t: b,
      center: [37, 36],
      zoom: 8,
      layers: ['zones'],
      compare: { a, b },
    });
    expect(hash).toBe(
      '#t=2015-10-23T23:34:00Z&c=37.00000,36.00000&z=8.00&l=zones&a=2015-10-16T12:00:00Z&b=2015-10-23T23:34:00Z',
    );
    expect(parseHash(hash).compare).toEqual({ a, b });
    // b wins over t: the comparison's B is what the map shows.
    expect(
      parseHash('#t=2015-10-01T00:00:00Z&a=2015-10-16T12:00:00Z&b=2015-10-23T23:34:00Z').t,
    ).toBe(b);
    // Half a comparison is no comparison.
    expect(parseHash('#a=2015-10-16T12:00:00Z').compare).toBeUndefined();
  });
  it('accepts an empty layer list (everything hidden)', () => {
    expect(parseHash('l=')).toEqual({ layers: [] });
  });
  it("round-trips the report filter (f=) and the pins' window (w=); leaves them out when unset", () => {
    const state = {
      t: Date.parse('2015-10-23T23:34:00Z'),
      center: [37, 36] as [number, number],
      zoom: 8,
      layers: ['reports' as const],
      filter: {
        status: ['confirmed'],
        category: [],
        source: ['SOHR & co'],
        post: [],
        text: 'Khan Tuman',
      },
      window: '7d' as const,
    };
    const hash = formatHash(state);
    expect(hash).toMatch(/&f=status:confirmed;source:SOHR%20%26%20co;q:Khan%20Tuman&w=7d$/);
    expect(parseHash(hash)).toEqual(state);
    expect(formatHash({ ...state, filter: undefined, window: 'all' })).not.toMatch(/[fw]=/);
    expect(parseHash('#w=2d').window).toBeUndefined();
  });
  it('takes a centre and zoom at their limits, and nothing beyond them', () => {
    expect(parseHash('c=-180,-90&z=0')).toEqual({ center: [-180, -90], zoom: 0 });
    expect(parseHash('c=180,90&z=22')).toEqual({ center: [180, 90], zoom: 22 });
    for (const bad of [
      'c=180.1,0',
      'c=0,90.1',
      'c=-180.1,0',
      'c=0,-90.1',
      'c=1',
      'c=1,2,3',
      'c=1,x',
      'c=x,1',
    ])
      expect(parseHash(bad), bad).toEqual({});
    for (const bad of ['z=-0.1', 'z=22.1', 'z=x', 'z=']) expect(parseHash(bad), bad).toEqual({});
  });
  it('reads the hash with or without its "#", and a "#" elsewhere is not stripped', () => {
    expect(parseHash('#z=3')).toEqual({ zoom: 3 });
    expect(parseHash('z=3')).toEqual({ zoom: 3 });
    expect(parseHash('l=zones&z=3#')).toEqual({ layers: ['zones'] });
  });
  it('a missing l= keeps the layers as they are; a=/b= with one bad time is no comparison', () => {
    expect(parseHash('t=2015-10-23T23:34:00Z')).not.toHaveProperty('layers');
    expect(parseHash('a=2015-10-16T12:00:00Z&b=soon')).toEqual({});
    expect(parseHash('a=soon&b=2015-10-16T12:00:00Z')).toEqual({});
  });
});
