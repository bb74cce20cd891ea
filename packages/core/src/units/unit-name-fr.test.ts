import { describe, expect, it } from 'vitest';
import { formatQuantityInUnitFr, toDisplayQuantity, unitNameFr } from './unit-name-fr';

describe('unitNameFr', () => {
  it.each([
    ['pair', 1, 'paire'],
    ['pair', 2, 'paires'],
    ['ream', 40, 'ramettes'],
    ['lump_sum', 1, 'forfait'],
    ['t', 1.5, 'tonne'],
    ['kg', 300, 'kg'],
    ['barrel', 2, 'barrel'],
  ])('%s × %s → %s', (unit, quantity, expected) => {
    expect(unitNameFr(unit, quantity)).toBe(expected);
  });
});

describe('a pooled quantity in the unit a buyer uses', () => {
  it('shows salt in tonnes: 1 250 000 kg = 1 250 t', () => {
    expect(toDisplayQuantity(1_250_000, 'kg')).toEqual({ value: 1250, unit: 't' });
    expect(formatQuantityInUnitFr(1_250_000, 'kg')).toBe('1\u202f250 tonnes');
  });
  it('keeps a small mass in kilograms: 800 kg', () => {
    expect(formatQuantityInUnitFr(800, 'kg')).toBe('800 kg');
  });
  it('shows paper in ramettes of 500 sheets: 2 500 sheets = 5 ramettes, 750 = 1,5 ramette', () => {
    expect(formatQuantityInUnitFr(2500, 'sheet')).toBe('5 ramettes');
    expect(formatQuantityInUnitFr(750, 'sheet')).toBe('1,5 ramette');
  });
  it('shows 6 000 mL as 6 litres and keeps litres as litres', () => {
    expect(formatQuantityInUnitFr(6000, 'mL')).toBe('6 litres');
    expect(formatQuantityInUnitFr(6000, 'L')).toBe('6\u202f000 litres');
  });
  it('rounds as a buyer reads: 1 234 567 kg = 1 235 tonnes, 12 345 kg = 12,3 tonnes', () => {
    expect(formatQuantityInUnitFr(1_234_567, 'kg')).toBe('1\u202f235 tonnes');
    expect(formatQuantityInUnitFr(12_345, 'kg')).toBe('12,3 tonnes');
  });
  it('agrees the noun with the number as shown: 1 999 kg reads « 2 tonnes »', () => {
    expect(formatQuantityInUnitFr(1999.99, 'kg')).toBe('2 tonnes');
  });
});
