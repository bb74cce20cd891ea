import { describe, expect, it } from 'vitest';
import { formatQuantityInUnitFr, toDisplayQuantity } from './format-quantity-in-unit-fr';

describe('a pooled quantity in the unit a buyer uses', () => {
  it('shows salt in tonnes: 1 250 000 kg = 1 250 t', () => {
    expect(toDisplayQuantity(1_250_000, 'kg')).toEqual({ value: 1250, unit: 't' });
    expect(formatQuantityInUnitFr(1_250_000, 'kg')).toBe('1\u202f250 t');
  });
  it('keeps a small mass in kilograms: 800 kg', () => {
    expect(formatQuantityInUnitFr(800, 'kg')).toBe('800 kg');
  });
  it('shows paper in ramettes of 500 sheets: 2 500 sheets = 5 ramettes, 750 = 1,5 ramette', () => {
    expect(formatQuantityInUnitFr(2500, 'sheet')).toBe('5 ramettes');
    expect(formatQuantityInUnitFr(750, 'sheet')).toBe('1,5 ramette');
  });
  it('shows 6 000 mL as 6 L and keeps litres as litres', () => {
    expect(formatQuantityInUnitFr(6000, 'mL')).toBe('6 L');
    expect(formatQuantityInUnitFr(6000, 'L')).toBe('6\u202f000 L');
  });
  it('rounds as a buyer reads: 1 234 567 kg = 1 235 t, 12 345 kg = 12,3 t', () => {
    expect(formatQuantityInUnitFr(1_234_567, 'kg')).toBe('1\u202f235 t');
    expect(formatQuantityInUnitFr(12_345, 'kg')).toBe('12,3 t');
  });
  it('names units without a symbol in the number shown: 1 paire, 3 paires, 2 forfaits', () => {
    expect(formatQuantityInUnitFr(1, 'pair')).toBe('1 paire');
    expect(formatQuantityInUnitFr(3, 'pair')).toBe('3 paires');
    expect(formatQuantityInUnitFr(2, 'lump_sum')).toBe('2 forfaits');
  });
  it('shows an unknown unit code as given', () => {
    expect(formatQuantityInUnitFr(3, 'barrel')).toBe('3 barrel');
  });
});
