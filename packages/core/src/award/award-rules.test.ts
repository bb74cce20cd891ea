import { describe, expect, it } from 'vitest';
import { awardRulesInForce, awardText } from './award-rules';
import { capTurnoverRequirement } from './cap-turnover-requirement';
import { buildConsultationSkeleton } from './build-consultation-skeleton';
import { priceIndexOf } from './price-index-families';
import { proposeAwardCriteria, securityCostOf } from './propose-award-criteria';

describe('R2142-7 turnover cap, per lot (R2142-8)', () => {
  // R2142-7 since décret n° 2025-1383, 1 January 2026: « Le chiffre d’affaires minimal exigé ne peut être
  // supérieur à une fois et demie le montant estimé du marché ou du lot » (deux fois before).
  it('caps at one and a half times the lot from 1 January 2026, twice before', () => {
    expect(awardRulesInForce('2025-12-31').turnoverCapFactor).toBe(2);
    expect(awardRulesInForce('2026-01-01').turnoverCapFactor).toBe(1.5);
    expect(awardText(awardRulesInForce('2026-01-01'), 'R2142-7')?.text).toContain(
      'une fois et demie le montant estimé du marché ou du lot',
    );
    // 300 000 € lot × 1.5 = 450 000 €; with two local SMEs eligible, no minimum is proposed.
    const withSmes = capTurnoverRequirement({
      rules: awardRulesInForce('2026-12-06'),
      estimatedValueCents: 30_000_000,
      eligibleCount: 2,
      smeCount: 2,
    });
    expect(withSmes).toMatchObject({ capCents: 45_000_000, factor: 1.5, proposedCents: null });
    expect(withSmes.explanation).toContain('une fois et demie × 300\u00a0000\u00a0€ = 450\u00a0000\u00a0€');
    // Before 2026 the same lot: 2 × 300 000 = 600 000 €; no SME: half the cap, 300 000 €.
    const noSme = capTurnoverRequirement({
      rules: awardRulesInForce('2025-06-01'),
      estimatedValueCents: 30_000_000,
      eligibleCount: 1,
      smeCount: 0,
    });
    expect(noSme).toMatchObject({ capCents: 60_000_000, proposedCents: 30_000_000 });
  });
});

describe('loi Climat et résilience, art. 35', () => {
  // L2152-7: « au moins un de ces critères prend en compte les caractéristiques environnementales de
  // l’offre » (décret n° 2022-767: from 21 August 2026); L2112-2: « Les conditions d’exécution prennent en
  // compte des considérations relatives à l’environnement ».
  it('requires an environmental criterion and condition for consultations launched from 21 August 2026', () => {
    const before = proposeAwardCriteria({
      rules: awardRulesInForce('2026-08-20'),
      isFormalised: true,
      securityWeight: 0,
      amountCents: 1_000_000,
      environmentalFocus: 'livraison',
    });
    expect(before.obligations).toEqual([]);
    const after = proposeAwardCriteria({
      rules: awardRulesInForce('2026-08-21'),
      isFormalised: true,
      securityWeight: 0,
      amountCents: 1_000_000,
      environmentalFocus: 'livraison',
    });
    expect(after.obligations).toEqual([
      'un critère environnemental (L2152-7)',
      'une condition d’exécution environnementale (L2112-2)',
      'une condition d’exécution sociale (L2112-2-1)',
    ]);
    expect(after.criteria.map((c) => [c.kind, c.weight])).toEqual([
      ['price', 60],
      ['technical', 25],
      ['environmental', 15],
    ]);
    expect(awardText(awardRulesInForce('2026-08-21'), 'L2112-2')?.text).toContain(
      'prennent en compte des considérations relatives à l’environnement',
    );
  });

  it('asks a social condition only at or above the EU thresholds', () => {
    const mapa = proposeAwardCriteria({
      rules: awardRulesInForce('2026-12-06'),
      isFormalised: false,
      securityWeight: 0,
      amountCents: 0,
      environmentalFocus: 'x',
    });
    expect(mapa.conditions.find((c) => c.kind === 'social')?.isRequired).toBe(false);
    expect(mapa.conditions.find((c) => c.kind === 'environmental')?.isRequired).toBe(true);
  });
});

describe('supply security as a criterion (R2152-7 2°: « la sécurité des approvisionnements »)', () => {
  it('takes its weight from price and says what it may cost', () => {
    const r = proposeAwardCriteria({
      rules: awardRulesInForce('2026-12-06'),
      isFormalised: true,
      securityWeight: 10,
      amountCents: 9_360_000,
      environmentalFocus: 'x',
    });
    expect(r.criteria.map((c) => c.weight)).toEqual([50, 25, 15, 10]);
    expect(r.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    // Price 50, security 10: an offer full on security wins while 50 / (1 + x) + 10 ≥ 50, x ≤ 10 / 40 = 25 %;
    // on a 93 600 € lot that is 23 400 € a year at most.
    expect(r.securityCost.premiumShare).toBe(0.25);
    expect(r.securityCost.maxCents).toBe(2_340_000);
    expect(r.securityCost.explanation).toContain('25 % de plus (10 / (50 − 10))');
    expect(securityCostOf(60, 0, 1000).maxCents).toBe(0);
    // The weight is capped at 20 %: price 40, 20 / 20 = 100 %.
    expect(
      proposeAwardCriteria({
        rules: awardRulesInForce('2026-12-06'),
        isFormalised: true,
        securityWeight: 35,
        amountCents: 100,
        environmentalFocus: 'x',
      }).securityCost.premiumShare,
    ).toBe(1);
  });
});

describe('consultation skeleton', () => {
  it('writes a price revision clause for indexed families (R2112-13, R2112-14) and firm prices otherwise', () => {
    expect(priceIndexOf('34927100')?.labelFr).toBe('sel de déneigement');
    expect(priceIndexOf('09134100')?.isMandatory).toBe(true);
    expect(priceIndexOf('30197630')?.labelFr).toBe('papier de bureau');
    expect(priceIndexOf('33741300')).toBeNull();
    const rules = awardRulesInForce('2026-12-06');
    const lot = {
      label: 'Bas-Rhin',
      sitesText: 'Strasbourg',
      volumeText: '10 000 t',
      amountCents: 100_000_000,
      award: proposeAwardCriteria({
        rules,
        isFormalised: true,
        securityWeight: 0,
        amountCents: 100_000_000,
        environmentalFocus: 'livraison',
      }),
      turnover: capTurnoverRequirement({ rules, estimatedValueCents: 400_000_000, eligibleCount: 2, smeCount: 2 }),
    };
    const text = (priceIndex: ReturnType<typeof priceIndexOf>) =>
      JSON.stringify(
        buildConsultationSkeleton({
          title: 'Sel',
          launchDate: '2027-02-01',
          rules,
          procedureLabel: 'AOO',
          lots: [lot],
          maxLotsClause: 'R2113-1 : …',
          priceIndex,
        }),
      );
    expect(text(priceIndexOf('34927100'))).toContain('Les prix sont révisables (R2112-13)');
    expect(text(priceIndexOf('09134100'))).toContain('R2112-14');
    expect(text(null)).toContain('Les prix sont fermes (R2112-9)');
    expect(text(null)).toContain('Lot n° 1 — Bas-Rhin');
    expect(text(null)).toContain('R2142-19');
  });
});
