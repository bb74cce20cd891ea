import { describe, expect, it } from 'vitest';
import { explainInterestEligibility } from './explain-interest-eligibility';

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');

describe('explainInterestEligibility', () => {
  it('finds a firm eligible when its capacity covers the lot, comparing in the lot’s base unit', () => {
    // 12 t = 12 000 kg ≥ 10 000 kg.
    const result = explainInterestEligibility({ capacity: 12, unit: 't', lotVolume: 10_000, lotUnit: 'kg' });
    expect(result.coversLot).toBe(true);
    expect(nbsp(result.reason)).toBe('Éligible : la capacité déclarée (12 000 kg par an) couvre le volume du lot (10 000 kg par an).');
  });

  it('says which share of the lot a smaller capacity covers, rounded down', () => {
    // 6 000 / 9 000 L = 66,7 % → 66 %.
    const result = explainInterestEligibility({ capacity: 6_000, unit: 'L', lotVolume: 9_000, lotUnit: 'L' });
    expect(result.coversLot).toBe(false);
    expect(nbsp(result.reason)).toBe(
      'Non éligible seul : la capacité déclarée (6 000 L par an) couvre 66 % du volume du lot (9 000 L par an) ; un groupement d’entreprises ou une sous-traitance peut compléter.',
    );
  });

  it('asks for the lot’s unit when the capacity is of another dimension', () => {
    const result = explainInterestEligibility({ capacity: 500, unit: 'L', lotVolume: 10_000, lotUnit: 'kg' });
    expect(result).toEqual({
      coversLot: false,
      reason:
        'Capacité déclarée en litres, lot compté en kilogrammes : déclarez la capacité dans l’unité du lot pour qu’elle lui soit comparée.',
    });
  });

  it('does not judge a lot whose volume is not published', () => {
    expect(explainInterestEligibility({ capacity: 5, unit: 'unit', lotVolume: null, lotUnit: null }).coversLot).toBe(false);
  });
});
