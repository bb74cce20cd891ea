import { describe, expect, it } from 'vitest';
import { conventionMaximumOf } from './convention-maximum';
import { redactAmounts, redactAmountsExcept, WITHHELD_AMOUNT_TEXT } from './redact-amounts';
import { shareBandOf } from './share-band';

describe('shareBandOf', () => {
  it.each([
    [0, 'under_10'],
    [0.0999, 'under_10'],
    [0.1, '10_to_25'],
    [0.2499, '10_to_25'],
    [0.25, '25_to_50'],
    [0.5, '50_or_more'],
    [1, '50_or_more'],
  ] as const)('puts %s in %s', (share, band) => {
    expect(shareBandOf(share)).toBe(band);
  });
});

describe('redactAmounts', () => {
  it('replaces the withheld amounts as explanations write them, and only those', () => {
    // 2 208 000 cents = 22 080 €; 1 140 000 cents = 11 400 €.
    const text = 'Total 22 080 € HT par an ; frais 3 000 € ; votre part 11 400 €.';
    expect(redactAmounts(text, [2_208_000])).toBe(`Total ${WITHHELD_AMOUNT_TEXT} HT par an ; frais 3 000 € ; votre part 11 400 €.`);
  });

  it('leaves a longer number ending with the same digits, and a negative one', () => {
    expect(redactAmounts('1 022 080 € et -22 080 €', [2_208_000])).toBe('1 022 080 € et -22 080 €');
  });

  it('leaves the text alone when nothing is withheld', () => {
    expect(redactAmounts('Total 22 080 €', [])).toBe('Total 22 080 €');
  });
});

describe('conventionMaximumOf', () => {
  it.each([
    // 1 234 567,89 € → 1 234 568 € → two significant digits, rounded up: 1 300 000 €.
    [123_456_789, 130_000_000],
    // 45 600 € exactly → 46 000 €.
    [4_560_000, 4_600_000],
    // 45 000 € is already round.
    [4_500_000, 4_500_000],
    // 87 € → 87 €; 0,50 € → 1 €.
    [8_700, 8_700],
    [50, 100],
    [0, 0],
  ])('rounds %i cents up to %i', (estimated, maximum) => {
    expect(conventionMaximumOf(estimated)).toBe(maximum);
  });
});

describe('redactAmountsExcept', () => {
  it('replaces every euro amount but the kept thresholds', () => {
    // 9 000 000 cents = 90 000 € (publicity threshold, kept); 12 000 €, 1 234 567 € and -4 500 € are members' figures.
    const text = 'X quitte le groupement (12 000 € par an en moins) ; valeur 1 234 567 € ; écart -4 500 € ; seuil 90 000 € HT.';
    expect(redactAmountsExcept(text, [9_000_000])).toBe(
      `X quitte le groupement (${WITHHELD_AMOUNT_TEXT} par an en moins) ; valeur ${WITHHELD_AMOUNT_TEXT} ; écart ${WITHHELD_AMOUNT_TEXT} ; seuil 90 000 € HT.`,
    );
  });

  it('leaves a text without amounts unchanged', () => {
    expect(redactAmountsExcept('Coordonnateur inchangé : Ville.', [])).toBe('Coordonnateur inchangé : Ville.');
  });
});
