import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateSavings, type SavingsMember } from './estimate-savings';
import { DEFAULT_PROCEDURE_COSTS, type ProcedureCosts } from './procedure-costs';
import { GENERAL_CALIBRATION, type SavingsCalibration } from './savings-calibrations';

const member = (
  organizationId: string,
  annualAmountCents: number,
  quantity: number | null,
  siren = `sir-${organizationId}`,
): SavingsMember => ({ organizationId, siren, annualAmountCents, quantity });

/** A price segment published at 0–15 %, or another range/kind when given. */
const calibration = (overrides: Partial<SavingsCalibration> = {}): SavingsCalibration => ({
  ...GENERAL_CALIBRATION,
  range: { low: 0, high: 0.15 },
  ...overrides,
});
/** The same cost for every kind of procedure. */
const uniform = (cents: number): ProcedureCosts => ({ mapa: cents, mapa_publicity: cents, formalised: cents });
const SALT_B = { low: 0, central: 0.03, high: 0.06, provenance: 'test' };

describe('estimateSavings', () => {
  /*
   * Three communes buy de-icing salt (b = 0 / 0.03 / 0.06), quantities in kg:
   *   A 200 t at 100 €/t = 2 000 000 cents → 10 cents/kg
   *   B 100 t at 120 €/t = 1 200 000 cents → 12 cents/kg
   *   C  50 t at 110 €/t =   550 000 cents → 11 cents/kg
   * Q = 350 000 kg; q_ref = Σq²/Q = (4e10 + 1e10 + 2.5e9) / 3.5e5 = 150 000 kg; Q/q_ref = 7/3.
   * Weighted 25th percentile: 25 % of 350 000 = 87 500 kg is reached by A's 200 000 kg → 10; min = 10.
   * Model (before calibration):
   *   low: no harmonisation, b = 0 → 0.
   *   central: factor (7/3)^−0.03 = 0.974901; harmonised price 10 for all:
   *     A 200 000 × (10 − 9.74901) = 50 197; B 100 000 × (12 − 9.74901) = 225 099; C 50 000 × (11 − 9.74901) = 62 549.
   *   high: factor (7/3)^−0.06 = 0.950433: A 99 134, B 249 567, C 74 784.
   *   Harmonisation alone: B 100 000 × 2 + C 50 000 × 1 = 250 000 (central and high).
   * Calibration, published high 15 % of each member's amount: caps A 300 000, B 180 000, C 82 500 →
   *   B central 225 099 → 180 000 and high 249 567 → 180 000; A and C unchanged.
   *   Price: low 0, central 50 197 + 180 000 + 62 549 = 292 746, high 99 134 + 180 000 + 74 784 = 353 918.
   * Procedures, one cycle of 48 months, coordinator A: B and C avoid one each (3 000 €) →
   *   per cycle 2 × 300 000 − 150 000 = 450 000; per year B, C 300 000 × 12 / 48 = 75 000, A −150 000 × 12 / 48 = −37 500
   *   → 112 500 a year (450 000 / 4).
   * Totals: low 112 500, central 405 246, high 466 418.
   */
  it('works out the three-commune salt case by hand, capped at the published high', () => {
    const result = estimateSavings({
      members: [member('A', 2_000_000, 200_000), member('B', 1_200_000, 100_000), member('C', 550_000, 50_000)],
      elasticity: SALT_B,
      calibration: calibration(),
      procedureCosts: uniform(300_000),
      coordinationCostCents: 150_000,
      contractMonths: 48,
      coordinatorId: 'A',
    });
    expect(result.basis).toBe('quantities');
    expect(result.members.map((m) => m.purchase)).toEqual([
      { low: 0, central: 50_197, high: 99_134 },
      { low: 0, central: 180_000, high: 180_000 },
      { low: 0, central: 62_549, high: 74_784 },
    ]);
    expect(result.priceHarmonisation).toEqual({ low: 0, central: 250_000, high: 250_000 });
    expect(result.volumeEffect).toEqual({ low: 0, central: 337_845 - 250_000, high: 423_485 - 250_000 });
    expect(result.price).toEqual({ low: 0, central: 292_746, high: 353_918 });
    expect(result.isCapped).toEqual({ central: true, high: true });
    expect(result.procedureCycle).toEqual({
      avoidedProcedures: 2,
      avoided: [{ kind: 'mapa', count: 2, unitCostCents: 300_000 }],
      avoidedCostCents: 600_000,
      coordinationCostCents: 150_000,
      contractMonths: 48,
      perCycleCents: 450_000,
    });
    expect(result.members.map((m) => m.procedural)).toEqual([-37_500, 75_000, 75_000]);
    expect(result.procedural).toBe(112_500);
    expect(result.total).toEqual({ low: 112_500, central: 405_246, high: 466_418 });
    expect(result.explanation).toContain('chaque membre est plafonné à 15 % de son montant');
    expect(result.explanation).toContain('2 procédures évitées une fois par cycle (2 procédures adaptées à 3 000 €');
    expect(result.caveat).toMatch(/jamais garantie/);
  });

  /*
   * Amounts only: A = 3 000 000, B = 1 000 000 cents; A_total = 4e6; a_ref = (9e12 + 1e12)/4e6 = 2.5e6; ratio 1.6.
   * low b = 0 → 0; central b = 0.03: 1 − 1.6^−0.03 = 0.0140012 → A 42 004, B 14 001;
   * high b = 0.06: 1 − 1.6^−0.06 = 0.0278063 → A 83 419, B 27 806 (all under 15 %). No procedure cost.
   */
  it('falls back to a wide volume effect on amounts when a quantity is unknown', () => {
    const result = estimateSavings({
      members: [member('A', 3_000_000, null), member('B', 1_000_000, 10)],
      elasticity: SALT_B,
      calibration: calibration(),
      procedureCosts: uniform(0),
      coordinationCostCents: 0,
      contractMonths: 48,
      coordinatorId: null,
    });
    expect(result.basis).toBe('amounts');
    expect(result.coordinatorId).toBe('A');
    expect(result.members.map((m) => m.purchase)).toEqual([
      { low: 0, central: 42_004, high: 83_419 },
      { low: 0, central: 14_001, high: 27_806 },
    ]);
    expect(result.isCapped).toEqual({ central: false, high: false });
    expect(result.explanation).toMatch(/Quantités inconnues/);
  });

  it('counts one avoided procedure per SIREN, not per establishment', () => {
    // Coordinator B; A and A2 share SIREN s1: one procedure avoided, 1 000 over a 12-month cycle = 1 000 a year.
    const result = estimateSavings({
      members: [member('A', 100, 1, 's1'), member('A2', 100, 1, 's1'), member('B', 100, 1, 's2')],
      elasticity: SALT_B,
      calibration: calibration(),
      procedureCosts: uniform(1_000),
      coordinationCostCents: 0,
      contractMonths: 12,
      coordinatorId: 'B',
    });
    expect(result.procedural).toBe(1_000);
  });

  it('avoids no procedure for a member that alone would buy under the dispense threshold (R2122-8)', () => {
    // C alone would be a dispense: only B avoids a procedure; 4 800 over 48 months = 1 200 a year.
    const result = estimateSavings({
      members: [member('A', 100, 1), member('B', 100, 1), { ...member('C', 100, 1), aloneProcedureKind: 'dispense' }],
      elasticity: SALT_B,
      calibration: calibration(),
      procedureCosts: uniform(4_800),
      coordinationCostCents: 0,
      contractMonths: 48,
      coordinatorId: 'A',
    });
    expect(result.procedureCycle.avoidedProcedures).toBe(1);
    expect(result.members.map((m) => m.procedural)).toEqual([0, 1_200, 0]);
  });

  /*
   * Each member avoids the procedure it would have run alone, at the published cost of that kind
   * (DEFAULT_PROCEDURE_COSTS: 19 agent-days, 3 162 €, for a procédure adaptée; 22 days at the same 166,42 € a day,
   * 22 × 3 162 / 19 = 3 661,26 → 3 661 €, for a formalised one). Coordinator A; B alone formalised, C alone MAPA
   * with publicity: per cycle 366 100 + 316 200 − 150 000 = 532 300; over 48 months B 366 100 × 12 / 48 = 91 525,
   * C 316 200 × 12 / 48 = 79 050, A −150 000 × 12 / 48 = −37 500 → 133 075 a year.
   */
  it('costs each avoided procedure at the published cost of the kind the member would have run alone', () => {
    expect(DEFAULT_PROCEDURE_COSTS).toEqual({ mapa: 316_200, mapa_publicity: 316_200, formalised: Math.round((3_162 * 22) / 19) * 100 });
    const result = estimateSavings({
      members: [
        member('A', 100, 1),
        { ...member('B', 100, 1), aloneProcedureKind: 'formalised' },
        { ...member('C', 100, 1), aloneProcedureKind: 'mapa_publicity' },
      ],
      elasticity: SALT_B,
      calibration: calibration(),
      procedureCosts: DEFAULT_PROCEDURE_COSTS,
      coordinationCostCents: 150_000,
      contractMonths: 48,
      coordinatorId: 'A',
    });
    expect(result.procedureCycle).toMatchObject({
      avoided: [
        { kind: 'mapa_publicity', count: 1, unitCostCents: 316_200 },
        { kind: 'formalised', count: 1, unitCostCents: 366_100 },
      ],
      avoidedCostCents: 682_300,
      perCycleCents: 532_300,
    });
    expect(result.members.map((m) => m.procedural)).toEqual([-37_500, 91_525, 79_050]);
    expect(result.procedural).toBe(133_075);
    expect(result.explanation).toContain('1 procédure adaptée avec publicité à 3 162 €, 1 procédure formalisée à 3 661 €');
  });

  it('counts a cycle’s procedure costs once, spread over the contract, not every year', () => {
    // 3 members, coordinator A: 2 × 300 000 − 150 000 = 450 000 per cycle; over 12 months 450 000 a year, over 60 months 90 000.
    const run = (contractMonths: number) =>
      estimateSavings({
        members: [member('A', 1_000, 1), member('B', 1_000, 1), member('C', 1_000, 1)],
        elasticity: SALT_B,
        calibration: calibration(),
        procedureCosts: uniform(300_000),
        coordinationCostCents: 150_000,
        contractMonths,
        coordinatorId: 'A',
      }).procedural;
    expect(run(12)).toBe(450_000);
    expect(run(60)).toBe(90_000);
  });

  /*
   * Paper-like segment (supply security, published high 2 %), the salt members above: central and low price
   * savings 0; high min(model, 2 % of each amount): A min(99 134, 40 000) = 40 000, B min(249 567, 24 000) = 24 000,
   * C min(74 784, 11 000) = 11 000 → 75 000.
   */
  it('shows a supply-security family as zero-gain centrally, its high capped at the published high', () => {
    const result = estimateSavings({
      members: [member('A', 2_000_000, 200_000), member('B', 1_200_000, 100_000), member('C', 550_000, 50_000)],
      elasticity: SALT_B,
      calibration: calibration({ kind: 'supply_security', range: { low: 0, high: 0.02 }, benefit: 'Sécurité d’approvisionnement.' }),
      procedureCosts: uniform(0),
      coordinationCostCents: 0,
      contractMonths: 48,
      coordinatorId: 'A',
    });
    expect(result.price).toEqual({ low: 0, central: 0, high: 75_000 });
    expect(result.explanation).toContain('Famille sans effet prix publié');
    expect(result.explanation).toContain('Sécurité d’approvisionnement.');
  });

  it('keeps low ≤ central ≤ high, members within the published high, and totals equal to the members’ sum (property)', () => {
    const members = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 10_000_000 }),
        quantity: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
        dispense: fc.boolean(),
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
    const segment = fc.record({
      kind: fc.constantFrom('price' as const, 'supply_security' as const),
      high: fc.double({ min: 0, max: 0.5, noNaN: true }),
    });
    fc.assert(
      fc.property(
        members,
        elasticity,
        segment,
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 1, max: 96 }),
        (ms, [low = 0, central = 0, high = 0], seg, cost, months) => {
          const result = estimateSavings({
            members: ms.map((m, i) => ({ ...member(`m${i}`, m.amount, m.quantity), aloneProcedureKind: m.dispense ? 'dispense' : 'mapa' })),
            elasticity: { low, central, high, provenance: 'test' },
            calibration: calibration({ kind: seg.kind, range: { low: 0, high: seg.high } }),
            procedureCosts: uniform(cost),
            coordinationCostCents: cost,
            contractMonths: months,
            coordinatorId: null,
          });
          expect(result.total.low).toBeLessThanOrEqual(result.total.central);
          expect(result.total.central).toBeLessThanOrEqual(result.total.high);
          ms.forEach((m, i) => {
            const purchase = result.members[i]?.purchase ?? { low: -1, central: -1, high: -1 };
            expect(purchase.low).toBeGreaterThanOrEqual(0);
            expect(purchase.low).toBeLessThanOrEqual(purchase.central);
            expect(purchase.central).toBeLessThanOrEqual(purchase.high);
            expect(purchase.high).toBeLessThanOrEqual(m.amount * seg.high + 1e-6);
            if (seg.kind === 'supply_security') expect(purchase.central).toBe(0);
          });
          expect(result.members.reduce((s, m) => s + m.total.central, 0)).toBe(result.total.central);
          expect(result.members.reduce((s, m) => s + m.procedural, 0)).toBe(result.procedural);
        },
      ),
    );
  });
});
