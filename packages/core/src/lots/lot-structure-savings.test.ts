import { describe, expect, it } from 'vitest';
import { GENERAL_CALIBRATION } from '../savings/savings-calibrations';
import { savingsProvenance } from '../savings/savings-provenance';
import { buildNeed, buildOrganization } from '../pooling/test-builders';
import { designOpportunityLots } from './design-opportunity-lots';
import { lotStructureSavings, type OpportunitySavings } from './lot-structure-savings';

/*
 * An opportunity whose model gives harmonisation 4 000 + volume effect 8 000 = 12 000 cents of price savings,
 * capped by the published range at 10 000; procedures 2 000 a year; central total 12 000.
 */
const range = (central: number) => ({ low: 0, central, high: central });
const SAVINGS: OpportunitySavings = {
  priceHarmonisation: range(4_000),
  volumeEffect: range(8_000),
  price: range(10_000),
  procedural: 2_000,
  total: range(12_000),
  provenance: savingsProvenance(GENERAL_CALIBRATION),
};

describe('lotStructureSavings', () => {
  it('gives the single lot the opportunity’s own figure', () => {
    expect(lotStructureSavings(SAVINGS, 1)).toMatchObject({ centralCents: 12_000, lotEffectCents: 0 });
    expect(lotStructureSavings(SAVINGS, 1).explanation).toMatch(/^Lot unique : l’estimation de l’opportunité, 120 € par an/);
  });

  it('lowers the figure when lots keep too little volume effect, and says by how much and why', () => {
    // Half the volume effect: min(10 000, 4 000 + 8 000 × 0.5 = 8 000) + 2 000 = 10 000, i.e. −2 000 against 12 000.
    const half = lotStructureSavings(SAVINGS, 0.5);
    expect(half).toMatchObject({ centralCents: 10_000, lotEffectCents: -2_000 });
    expect(half.explanation).toMatch(/^-20 € par an par rapport à l’opportunité \(120 €\).*tombe à 50 % de celui d’un lot unique/);
  });

  it('keeps the figure when the split still reaches the published cap', () => {
    // 80 %: min(10 000, 4 000 + 6 400 = 10 400) = 10 000 → unchanged.
    const most = lotStructureSavings(SAVINGS, 0.8);
    expect(most).toMatchObject({ centralCents: 12_000, lotEffectCents: 0 });
    expect(most.explanation).toContain('reste au plafond publié');
  });

  it('changes nothing for a zero-gain family or when no volume is known', () => {
    const zeroGain = { ...SAVINGS, provenance: { ...SAVINGS.provenance, kind: 'supply_security' as const } };
    expect(lotStructureSavings(zeroGain, 0)).toMatchObject({ centralCents: 12_000, lotEffectCents: 0 });
    expect(lotStructureSavings(SAVINGS, null)).toMatchObject({ centralCents: 12_000, lotEffectCents: 0 });
    expect(lotStructureSavings(SAVINGS, null).explanation).toMatch(/^Quantités inconnues/);
  });
});

describe('designOpportunityLots', () => {
  it('shows the opportunity’s estimate as the single lot’s figure', () => {
    const a = buildOrganization({ id: 'a', inseeCode: '67482', departementCode: '67' });
    const b = buildOrganization({ id: 'b', inseeCode: '68066', departementCode: '68', regionCode: '44' });
    const design = designOpportunityLots({
      context: { territory: { name: 'Alsace' }, firms: [], recipes: [], competences: [] },
      demand: {
        opportunity: { savingsDetail: { ...SAVINGS, elasticity: { central: 0.1 } } },
        needs: [
          buildNeed({ id: 'n1', organizationId: 'a', cpvCode: '33741300', quantity: 1_000, unit: 'L', annualAmountCents: 500_000 }),
          buildNeed({ id: 'n2', organizationId: 'b', cpvCode: '33741300', quantity: 1_000, unit: 'L', annualAmountCents: 600_000 }),
        ],
        organizations: new Map([a, b].map((o) => [o.id, o])),
      },
      k: 0,
      maxLotsPerBidder: null,
      consultations: [],
      declarations: [],
    });
    if (!design.ok) throw new Error(design.reason);
    const single = design.frontier.find((s) => s.id === design.singleLotId);
    expect(design.opportunitySavings).toEqual(SAVINGS.total);
    expect(single).toMatchObject({ savingsCents: 12_000, lotEffectCents: 0 });
    expect(single?.savingsExplanation).toMatch(/^Lot unique/);
  });
});
