import { describe, expect, it } from 'vitest';
import {
  formatIsoUtc,
  formatUtcClock,
  formatUtcDate,
  formatUtcInWords,
  parseIsoTime,
} from '../../../src/lib/time';

describe('times', () => {
  it('parses ISO 8601 times that name their zone, and nothing else', () => {
    expect(parseIsoTime('2015-10-23T23:34:00Z')).toBe(Date.UTC(2015, 9, 23, 23, 34));
    expect(parseIsoTime('2015-10-24T01:34+02:00')).toBe(Date.UTC(2015, 9, 23, 23, 34));
    expect(parseIsoTime('2015-10-23T23:34:00.5Z')).toBe(Date.UTC(2015, 9, 23, 23, 34, 0, 500));
    // The last day of each month is a day; the next is not (Date.parse rolls it over).
    expect(parseIsoTime('2016-02-29T00:00Z')).toBe(Date.UTC(2016, 1, 29));
    expect(parseIsoTime('2015-12-31T00:00Z')).toBe(Date.UTC(2015, 11, 31));
    expect(parseIsoTime('2015-01-01T00:00Z')).toBe(Date.UTC(2015, 0, 1));
    for (const bad of [
      '2015-10-23',
      '2015-10-23T23:34:00',
      '23 Oct 2015',
      '2015-02-30T00:00Z',
      ' 2015-10-23T23:34:00Z',
      7,
      null,
    ])
      expect(parseIsoTime(bad), String(bad)).toBeNull();
  });

  it('writes UTC without milliseconds, and in words for people', () => {
    // Milliseconds are dropped (truncated): links and files name whole seconds.
    expect(formatIsoUtc(Date.UTC(2015, 9, 3, 7, 4, 0, 250))).toBe('2015-10-03T07:04:00Z');
    expect(formatIsoUtc(Date.UTC(2015, 9, 3, 7, 4))).toBe('2015-10-03T07:04:00Z');
    expect(formatUtcInWords(Date.UTC(2015, 9, 3, 7, 4))).toBe('3 October 2015, 07:04 UTC');
    expect(formatUtcInWords(Date.UTC(2015, 11, 31, 23, 59))).toBe('31 December 2015, 23:59 UTC');
    expect(formatUtcDate(Date.UTC(2015, 0, 5, 23, 59))).toBe('5 Jan 2015');
    expect(formatUtcDate(Date.UTC(2015, 8, 30))).toBe('30 Sep 2015');
    expect(formatUtcClock(Date.UTC(2015, 9, 3, 7, 4, 59))).toBe('07:04');
  });
});
