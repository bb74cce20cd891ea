import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecpContractFacts, familyCodeOf, proposeDecpNeeds } from './propose-decp-needs';

function contract(overrides: Partial<DecpContractFacts>): DecpContractFacts {
  return { organizationId: 'org-a', decpId: 'a|1', cpvCode: '30192000', amountCents: 1_200_000, durationMonths: 12, ...overrides };
}

describe('proposeDecpNeeds', () => {
  it('annualises Σ montant / (dureeMois / 12) per buyer and CPV class', () => {
    const needs = proposeDecpNeeds([
      contract({ decpId: 'a|2', cpvCode: '30192000', amountCents: 3_600_000, durationMonths: 36 }),
      contract({ decpId: 'a|1', cpvCode: '30197630', amountCents: 600_000, durationMonths: 6 }),
      contract({ decpId: 'a|3', cpvCode: '34927100', amountCents: 1_000_000, durationMonths: 24 }),
      contract({ decpId: 'a|4', cpvCode: '34927100', amountCents: null, durationMonths: 12 }),
      contract({ organizationId: 'org-b', decpId: 'b|1', cpvCode: '30192000', amountCents: 500_000, durationMonths: 48 }),
    ]);
    expect(needs).toEqual([
      { organizationId: 'org-a', familyCode: '30190000', annualAmountCents: 2_400_000, sourceRef: 'a|1 a|2', contractCount: 2 },
      { organizationId: 'org-a', familyCode: '34920000', annualAmountCents: 500_000, sourceRef: 'a|3', contractCount: 1 },
      { organizationId: 'org-b', familyCode: '30190000', annualAmountCents: 125_000, sourceRef: 'b|1', contractCount: 1 },
    ]);
  });

  it('groups by another level when asked', () => {
    const needs = proposeDecpNeeds([contract({ cpvCode: '30192000' }), contract({ decpId: 'a|2', cpvCode: '30197630' })], {
      familyLevel: 'category',
    });
    expect(needs.map((n) => n.familyCode)).toEqual(['30192000', '30197000']);
  });

  it('falls back to the nearest existing ancestor when the class has no code', () => {
    expect(familyCodeOf('34927100', 'class')).toBe('34920000');
    expect(familyCodeOf('03111000', 'class')).toBe('03110000');
  });

  it('keeps the total annualised amount whatever the family level (property)', () => {
    const arbitraryContract = fc.record({
      organizationId: fc.constantFrom('o1', 'o2'),
      decpId: fc.uuid(),
      cpvCode: fc.constantFrom('30192000', '30197630', '34927100', '09132100', '45233220'),
      amountCents: fc.option(fc.integer({ min: 1, max: 10_000_000_00 }), { nil: null }),
      durationMonths: fc.integer({ min: 1, max: 96 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryContract, { maxLength: 30 }), (contracts) => {
        const exact = contracts.reduce((sum, c) => sum + (c.amountCents === null ? 0 : (c.amountCents * 12) / c.durationMonths), 0);
        for (const level of ['division', 'class'] as const) {
          const needs = proposeDecpNeeds(contracts, { familyLevel: level });
          const total = needs.reduce((sum, n) => sum + n.annualAmountCents, 0);
          expect(Math.abs(total - exact)).toBeLessThanOrEqual(needs.length);
          expect(needs.every((n) => n.annualAmountCents >= 0)).toBe(true);
        }
      }),
    );
  });
});
