import { describe, expect, it } from 'vitest';
import { clampWhole } from '../../../src/ui/use-number-field';

describe('clampWhole: the number a typed field asks for', () => {
  it('rounds and keeps it within the range', () => {
    expect(clampWhole('5', 5, 60, 10)).toBe(5);
    expect(clampWhole('7.6', 5, 60, 10)).toBe(8);
    expect(clampWhole('2', 5, 60, 10)).toBe(5);
    expect(clampWhole('600', 5, 60, 10)).toBe(60);
  });
  it('falls back when the text is not a number (empty, half-typed, letters)', () => {
    expect(clampWhole('', 5, 60, 10)).toBe(10);
    expect(clampWhole('  ', 5, 60, 10)).toBe(10);
    expect(clampWhole('abc', 5, 60, 10)).toBe(10);
    expect(clampWhole('-', 5, 60, 10)).toBe(10);
  });
});
