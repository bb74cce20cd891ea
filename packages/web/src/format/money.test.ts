import { describe, expect, test } from 'vitest';
import { eurosToCents, formatEuros, formatWholeEuros } from './money';

// fr-FR groups thousands with a narrow no-break space and puts a no-break space before €.
const normalize = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('money', () => {
  test.each([
    [135_000, '1 350,00 €'],
    [5, '0,05 €'],
    [null, '—'],
  ])('formatEuros(%s) = %s', (cents, expected) => {
    expect(normalize(formatEuros(cents))).toBe(expected);
  });

  test('formatWholeEuros rounds to the euro', () => {
    expect(normalize(formatWholeEuros(923_049_550))).toBe('9 230 496 €');
  });

  test('eurosToCents rounds float noise away', () => {
    expect(eurosToCents(4.35)).toBe(435);
    expect(eurosToCents(null)).toBeNull();
  });
});
