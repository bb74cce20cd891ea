import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, diffDays, formatDateFr, fromDayNumber, toDayNumber } from './iso-date';

describe('iso-date', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-10-01', -3, '2026-07-01'],
    ['2025-12-15', 14, '2027-02-15'],
  ])('adds months: %s + %i = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('agrees with the UTC calendar of Date on days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(day)).toBe(iso);
        expect(toDayNumber(iso)).toBe(day);
      }),
    );
    expect([addDays('2026-02-28', 1), diffDays('2026-01-15', '2026-08-28')]).toEqual(['2026-03-01', 225]);
    expect(formatDateFr('2026-09-01')).toBe('1er septembre 2026');
  });
});
