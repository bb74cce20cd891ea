import { describe, expect, it } from 'vitest';
import { rareHiddenText } from './rare-hidden';

describe('rareHiddenText', () => {
  it('keeps « rarement » invariable and agrees the rest with the count', () => {
    expect(rareHiddenText(5)).toBe('5 opportunités rarement mutualisées sont masquées');
    expect(rareHiddenText(1)).toBe('1 opportunité rarement mutualisée est masquée');
  });
});
