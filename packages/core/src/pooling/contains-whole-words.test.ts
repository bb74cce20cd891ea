import { describe, expect, it } from 'vitest';
import { foldText } from '../cpv/cpv-catalog';
import { containsWholeWords } from './family-resolver';

describe('family keywords match whole words', () => {
  it.each([
    ['Sel de déneigement en vrac', 'sel', true],
    ['Produits pour lave-vaisselle', 'sel', false],
    ['Épicerie fine pour la cantine', 'epi', false],
    ['EPI : gants de manutention', 'epi', true],
    ['Carnets de santé et de maternité', 'carnet de sante', true],
    ['Carnets de santé', 'carnet de maternite', false],
    ['Carnet de santé', 'carnet de sante', true],
  ])('"%s" with keyword "%s" → %s', (label, keyword, expected) => {
    expect(containsWholeWords(foldText(label), foldText(keyword))).toBe(expected);
  });
});
