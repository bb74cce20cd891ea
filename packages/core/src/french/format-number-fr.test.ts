import { describe, expect, it } from 'vitest';
import { formatNumberFr } from './format-number-fr';

describe('formatNumberFr', () => {
  it.each([
    [3.2249, 2, '3,22'],
    [3.225001, 2, '3,23'],
    [3.2, 2, '3,2'],
    [100, 0, '100'],
    [100, 2, '100'],
    [1234567.891, 1, '1\u202f234\u202f567,9'],
    [999.996, 2, '1\u202f000'],
    [-0.5, 2, '−0,5'],
    [-0.001, 2, '0'],
    [0, 2, '0'],
  ])('%s with %s decimals → %s', (value, decimals, expected) => {
    expect(formatNumberFr(value, decimals)).toBe(expected);
  });
});
