import { describe, expect, test } from 'vitest';
import { formatFrenchDate, parseFrenchDate } from './parse-french-date';

describe('parseFrenchDate', () => {
  test.each([
    ['06/10/2026', '2026-10-06'],
    ['6/1/2027', '2027-01-06'],
    [' 01.07.2027 ', '2027-07-01'],
    ['29-02-2028', '2028-02-29'],
    ['2026-10-20', '2026-10-20'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseFrenchDate(text)).toBe(iso);
  });

  test.each(['31/02/2027', '29/02/2027', '10/13/2026', '2026-1-5', '06/10/26', '', 'demain'])('refuses %j', (text) => {
    expect(parseFrenchDate(text)).toBeNull();
  });
});

describe('formatFrenchDate', () => {
  test('writes an ISO date day first', () => {
    expect(formatFrenchDate('2027-07-01')).toBe('01/07/2027');
  });
});
