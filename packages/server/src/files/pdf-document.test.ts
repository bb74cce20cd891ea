import { describe, expect, it } from 'vitest';
import { toPdfText } from './pdf-document';

describe('toPdfText', () => {
  it.each([
    ['62\u202f325\u00a0€', '62\u00a0325\u00a0€'],
    ['12\u202f%', '12\u00a0%'],
    ['≥ 75 %', '>= 75 %'],
    ['−3', '-3'],
    ['2 → 3', '2 -> 3'],
    // Kept: Latin-1 and the WinAnsi extras of French text.
    ['L’Haÿ-les-Roses — « œuvre » … 3 €', 'L’Haÿ-les-Roses — « œuvre » … 3 €'],
    // Without a glyph: the unaccented letter, else a question mark.
    ['Dvořák', 'Dvorák'],
    ['☃', '?'],
  ])('writes %s as %s', (text, expected) => {
    expect(toPdfText(text)).toBe(expected);
  });
});
