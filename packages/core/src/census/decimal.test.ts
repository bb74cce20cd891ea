import { describe, expect, it } from 'vitest';
import { decimalToCents, formatEuros, formatExactDecimal, multiplyToCents, parseDecimal } from './decimal';

function cents(raw: string): number | string {
  const parsed = parseDecimal(raw);
  if (!parsed.ok) return parsed.reason;
  const result = decimalToCents(parsed.value);
  return result.ok ? result.cents : result.reason;
}

describe('parseDecimal and decimalToCents', () => {
  it.each([
    ['1 234,56', 123456],
    ['1\u202f234,56 €', 123456],
    ['1234.56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['0,1', 10],
    ['0.29', 29],
    ['12,500', 1250],
    ['7', 700],
  ])('reads %s as %i cents exactly', (raw, expected) => {
    expect(cents(raw)).toBe(expected);
  });

  it('refuses a third significant decimal in euros', () => {
    expect(cents('1,005')).toBe('un montant en euros a au plus 2 décimales (centimes).');
  });

  it.each(['abc', '1,2,3', '12.34,5', ''])('refuses %s', (raw) => {
    expect(parseDecimal(raw).ok).toBe(false);
  });

  it('keeps every digit of large amounts (no float drift)', () => {
    expect(cents('9 007 199 254 740,99')).toBe(900719925474099);
  });
});

describe('multiplyToCents', () => {
  it('rounds half up to the cent on integers', () => {
    const quantity = parseDecimal('2,5');
    if (!quantity.ok) throw new Error(quantity.reason);
    expect(multiplyToCents(quantity.value, 12345)).toBe(30863);
    expect(formatExactDecimal(quantity.value)).toBe('2.5');
  });
});

describe('formatEuros', () => {
  it('groups thousands with plain spaces', () => {
    expect(formatEuros(123456789)).toBe('1 234 567,89 €');
    expect(formatEuros(5)).toBe('0,05 €');
  });
});
