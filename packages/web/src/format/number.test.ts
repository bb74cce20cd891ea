import { describe, expect, test } from 'vitest';
import { formatCount } from './number';

describe('formatCount', () => {
  // French grammar: the singular for 0 and 1 (« 0 contrat », « 1 contrat »), the plural from 2; large numbers grouped by thousands.
  test.each([
    [0, '0 contrat signalé'],
    [1, '1 contrat signalé'],
    [2, '2 contrats signalés'],
    [12500, '12 500 contrats signalés'],
  ])('%d', (n, expected) => {
    expect(formatCount(n, 'contrat signalé', 'contrats signalés').replace(/\u202f/g, ' ')).toBe(expected);
  });
});
