import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ELASTICITIES, defaultElasticity, FALLBACK_ELASTICITY } from './default-elasticities';
import { estimateSavings, type SavingsMember } from './estimate-savings';

const SALT = DEFAULT_ELASTICITIES[0]?.elasticity ?? FALLBACK_ELASTICITY;
const member = (
  organizationId: string,
  annualAmountCents: number,
  quantity: number | null,
  siren = `sir-${organizationId}`,
): SavingsMember => ({
  organizationId,
  siren,
  annualAmountCents,
  quantity,
});

describe('estimateSavings', () => {
  /*
   * Three communes buy de-icing salt (b = 0 / 0.03 / 0.06), quantities in kg:
   *   A 200 t at 100 €/t = 2 000 000 cents → 10 cents/kg
   *   B 100 t at 120 €/t = 1 200 000 cents → 12 cents/kg
   *   C  50 t at 110 €/t =   550 000 cents → 11 cents/kg
   * Q = 350 000 kg; q_ref = Σq²/Q = (4e10 + 1e10 + 2.5e9) / 3.5e5 = 150 000 kg; Q/q_ref = 7/3.
   * Weighted 25th percentile: 25 % of 350 000 = 87 500 kg is reached by A's 200 000 kg → 10; min = 10.
   * low: no harmonisation, b = 0 → factor 1 → purchase savings 0.
   * central: factor (7/3)^−0.03 = exp(−0.03 × 0.847298) = 0.974901; harmonised price min(p, 10) = 10 for all:
   *   A 200 000 × (10 − 9.74901) = 50 197.2 → 50 197; B 100 000 × (12 − 9.74901) = 225 098.6 → 225 099;
   *   C 50 000 × (11 − 9.74901) = 62 549.3 → 62 549; sum 337 845 (harmonisation part: B 200 000 + C 50 000).
   * high: factor (7/3)^−0.06 = 0.950433: A 99 134.5 → 99 134 (round half up: 99 134.499…), B 249 567.2 → 249 567,
   *   C 74 783.6 → 74 784; sum 423 485.
   * Procedures: 3 SIRENs, coordinator A → 2 avoided × 300 000 − 150 000 coordination = 450 000.
   * Totals: low 450 000, central 787 845, high 873 485.
   */
  it('works out the three-commune salt case by hand', () => {
    const result = estimateSavings({
      members: [member('A', 2_000_000, 200_000), member('B', 1_200_000, 100_000), member('C', 550_000, 50_000)],
      elasticity: SALT,
      procedureCostCents: 300_000,
      coordinationCostCents: 150_000,
      coordinatorId: 'A',
    });
    expect(result.basis).toBe('quantities');
    expect(result.members.map((m) => m.purchase)).toEqual([
      { low: 0, central: 50_197, high: 99_134 },
      { low: 0, central: 225_099, high: 249_567 },
      { low: 0, central: 62_549, high: 74_784 },
    ]);
    expect(result.priceHarmonisation).toEqual({ low: 0, central: 250_000, high: 250_000 });
    expect(result.procedural).toBe(450_000);
    expect(result.members.map((m) => m.procedural)).toEqual([-150_000, 300_000, 300_000]);
    expect(result.total).toEqual({ low: 450_000, central: 787_845, high: 873_485 });
    expect(result.caveat).toMatch(/jamais garantie/);
  });

  /*
   * Amounts only: A = 3 000 000, B = 1 000 000 cents; A_total = 4e6; a_ref = (9e12 + 1e12)/4e6 = 2.5e6; ratio 1.6.
   * low b = 0 → 0; central b = 0.03: 1 − 1.6^−0.03 = 1 − exp(−0.03 × 0.470004) = 0.0140012 → A 42 003.5 → 42 004, B 14 001.2 → 14 001;
   * high b = 0.06: 1 − 1.6^−0.06 = 0.0278063 → A 83 418.9 → 83 419, B 27 806.3 → 27 806. No procedure cost here.
   */
  it('falls back to a wide volume effect on amounts when a quantity is unknown', () => {
    const result = estimateSavings({
      members: [member('A', 3_000_000, null), member('B', 1_000_000, 10)],
      elasticity: SALT,
      procedureCostCents: 0,
      coordinationCostCents: 0,
      coordinatorId: null,
    });
    expect(result.basis).toBe('amounts');
    expect(result.coordinatorId).toBe('A');
    expect(result.members.map((m) => m.purchase)).toEqual([
      { low: 0, central: 42_004, high: 83_419 },
      { low: 0, central: 14_001, high: 27_806 },
    ]);
    expect(result.explanation).toMatch(/Quantités inconnues/);
  });

  it('counts one avoided procedure per SIREN, not per establishment', () => {
    const result = estimateSavings({
      members: [member('A', 100, 1, 's1'), member('A2', 100, 1, 's1'), member('B', 100, 1, 's2')],
      elasticity: SALT,
      procedureCostCents: 1_000,
      coordinationCostCents: 0,
      coordinatorId: 'B',
    });
    expect(result.procedural).toBe(1_000);
  });

  it('orders low ≤ central ≤ high and never loses money on purchases', () => {
    const members = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 10_000_000 }),
        quantity: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    const elasticity = fc
      .tuple(
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
      )
      .map((bs) => [...bs].sort((a, b) => a - b));
    fc.assert(
      fc.property(members, elasticity, fc.integer({ min: 0, max: 500_000 }), (ms, [low = 0, central = 0, high = 0], cost) => {
        const result = estimateSavings({
          members: ms.map((m, i) => member(`m${i}`, m.amount, m.quantity)),
          elasticity: { low, central, high, provenance: 'test' },
          procedureCostCents: cost,
          coordinationCostCents: cost,
          coordinatorId: null,
        });
        expect(result.total.low).toBeLessThanOrEqual(result.total.central);
        expect(result.total.central).toBeLessThanOrEqual(result.total.high);
        for (const m of result.members) {
          expect(m.purchase.low).toBeGreaterThanOrEqual(0);
          expect(m.purchase.low).toBeLessThanOrEqual(m.purchase.central);
          expect(m.purchase.central).toBeLessThanOrEqual(m.purchase.high);
        }
        expect(result.members.reduce((s, m) => s + m.total.central, 0)).toBe(result.total.central);
      }),
    );
  });
});

describe('defaultElasticity', () => {
  it.each([
    { codes: ['34927100'], label: 'Équipement routier', expected: 0.03 },
    { codes: ['30197643', '30192000'], label: 'Fournitures', expected: 0.06 },
    { codes: ['30192000'], label: 'Fournitures de bureau', expected: 0.1 },
    { codes: ['18424300'], label: 'Gants jetables', expected: 0.08 },
    { codes: ['22160000'], label: 'Fascicules', expected: 0.2 },
    { codes: ['33741300'], label: 'Produits désinfectants', expected: 0.1 },
    { codes: ['99999999'], label: 'Livrets de santé', expected: 0.2 },
    { codes: ['45000000'], label: 'Travaux', expected: 0.05 },
  ])('gives b = $expected to $label', ({ codes, label, expected }) => {
    expect(defaultElasticity({ cpvCodes: codes, label }).central).toBe(expected);
  });
});
