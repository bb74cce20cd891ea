import { describe, expect, it } from 'vitest';
import { parseDecpDate } from './parse-decp-date';

describe('parseDecpDate', () => {
  // Expected values from the Gregorian calendar: February has 29 days when the year is divisible
  // by 4 and not by 100, or by 400 (2000, 2024 yes; 1900, 2100, 2019 no); April has 30 days.
  it.each([
    ['2018-12-17', '2018-12-17'],
    ['2018-12-17+01:00', '2018-12-17'],
    ['2018-12-17T10:00:00Z', '2018-12-17'],
    [' 2018-12-17Z ', '2018-12-17'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2019-02-29', null],
    ['1900-02-29', null],
    ['2100-02-29', null],
    ['2019-04-31', null],
    ['2019-04-30', '2019-04-30'],
    ['2019-13-01', null],
    ['2019-00-10', null],
    ['2019-01-00', null],
    ['0018-12-17', null],
    // marches-publics.info 021803cloture00 publishes 0218-10-29 (its data published 2018-12-26).
    ['0218-10-29', null],
    ['1979-12-31', null],
    ['1980-01-01', '1980-01-01'],
    ['17/12/2018', null],
    ['2018-12-17abc', null],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDecpDate(text)).toBe(expected);
  });
});
