import { describe, expect, it } from 'vitest';
import { computeSavingsPipeline, type MemberBaseline } from './compute-savings-pipeline';
import type { LotAward } from './record-award';

const baselineA: MemberBaseline = {
  organizationId: 'a',
  annualAmountCents: 1_200_000,
  quantity: 1000,
  estimated: { low: 10_000, central: 50_000, high: 90_000 },
};
const baselineB: MemberBaseline = {
  organizationId: 'b',
  annualAmountCents: 800_000,
  quantity: 500,
  estimated: { low: 5_000, central: 30_000, high: 60_000 },
};

function buildAward(overrides: Partial<LotAward> = {}): LotAward {
  return {
    lotKey: 'lot-1',
    lotLabel: 'Sel de déneigement',
    holderSiret: '12345678900017',
    holderName: 'Salins du Sud',
    price: { kind: 'unit', unitPriceCents: 1_100 },
    awardedOn: '2026-06-01',
    startOn: '2026-07-01',
    durationMonths: 12,
    coverage: [
      { organizationId: 'a', forecastQuantity: null },
      { organizationId: 'b', forecastQuantity: null },
    ],
    ...overrides,
  };
}

describe('computeSavingsPipeline', () => {
  it('commits, per member, the forecast at the awarded unit price against its former price', () => {
    // a: former price 1 200 000 / 1000 = 1 200 c; 1000 × (1 200 − 1 100) = 100 000 c.
    // b: former price 800 000 / 500 = 1 600 c; 500 × (1 600 − 1 100) = 250 000 c.
    const pipeline = computeSavingsPipeline({ baselines: [baselineA, baselineB], awards: [buildAward()], consumption: [] });
    expect(pipeline.lines.map((l) => [l.organizationId, l.committedSpendCents, l.committedSavingsCents])).toEqual([
      ['a', 1_100_000, 100_000],
      ['b', 550_000, 250_000],
    ]);
    expect(pipeline.total).toMatchObject({
      baselineCents: 2_000_000,
      estimated: { low: 15_000, central: 80_000, high: 150_000 },
      committedSpendCents: 1_650_000,
      committedSavingsCents: 350_000,
      realisedSavingsCents: 0,
    });
  });

  it('values what was consumed at the former price to measure realised savings', () => {
    // a: 100 × 1 200 − 110 000 = 10 000 c; b: 40 × 1 600 − 44 000 = 20 000 c; total 30 000 c.
    const consumption = [
      { lotKey: 'lot-1', organizationId: 'a', period: '2026-07', quantity: 100, amountCents: 110_000 },
      { lotKey: 'lot-1', organizationId: 'b', period: '2026-07', quantity: 40, amountCents: 44_000 },
    ];
    const pipeline = computeSavingsPipeline({ baselines: [baselineA, baselineB], awards: [buildAward()], consumption });
    expect(pipeline.members.map((m) => [m.organizationId, m.realisedSpendCents, m.realisedSavingsCents])).toEqual([
      ['a', 110_000, 10_000],
      ['b', 44_000, 20_000],
    ]);
    expect(pipeline.lots).toEqual([
      expect.objectContaining({ lotKey: 'lot-1', realisedSavingsCents: 30_000, committedSavingsCents: 350_000 }),
    ]);
  });

  it('shares a yearly lot amount by forecast quantity', () => {
    // 1 500 000 c shared 1000 : 500 → a 1 000 000, b 500 000; savings a 200 000, b 300 000.
    const pipeline = computeSavingsPipeline({
      baselines: [baselineA, baselineB],
      awards: [buildAward({ price: { kind: 'amount', amountCents: 1_500_000 } })],
      consumption: [],
    });
    expect(pipeline.lines.map((l) => [l.committedSpendCents, l.committedSavingsCents])).toEqual([
      [1_000_000, 200_000],
      [500_000, 300_000],
    ]);
  });

  it('uses a forecast given on the lot instead of the launch quantity', () => {
    // a covers 400 units on this lot: 400 × (1 200 − 1 100) = 40 000 c.
    const award = buildAward({ coverage: [{ organizationId: 'a', forecastQuantity: 400 }] });
    const pipeline = computeSavingsPipeline({ baselines: [baselineA, baselineB], awards: [award], consumption: [] });
    expect(pipeline.lines).toEqual([
      expect.objectContaining({ organizationId: 'a', committedSpendCents: 440_000, committedSavingsCents: 40_000 }),
    ]);
  });

  it('leaves savings unknown (null) when the former quantity is unknown, but still counts the spend', () => {
    const noQuantity = { ...baselineA, quantity: null };
    const consumption = [{ lotKey: 'lot-1', organizationId: 'a', period: '2026-07', quantity: 10, amountCents: 11_000 }];
    const award = buildAward({ coverage: [{ organizationId: 'a', forecastQuantity: 1000 }] });
    const [line] = computeSavingsPipeline({ baselines: [noQuantity], awards: [award], consumption }).lines;
    expect(line).toEqual({
      organizationId: 'a',
      lotKey: 'lot-1',
      committedSpendCents: 1_100_000,
      committedSavingsCents: null,
      committedUnknownReason: 'quantité de référence du membre inconnue : pas d’ancien prix unitaire à comparer',
      realisedSpendCents: 11_000,
      realisedSavingsCents: null,
      realisedUnknownReason: 'quantité de référence du membre inconnue : pas d’ancien prix unitaire à comparer',
    });
  });

  it('shows realised savings of a consumption without quantity as unknown with the reason, never 0', () => {
    // a: 100 × 1 200 − 110 000 = 10 000 c known in July; an August line without quantity makes a's total unknown.
    const consumption = [
      { lotKey: 'lot-1', organizationId: 'a', period: '2026-07', quantity: 100, amountCents: 110_000 },
      { lotKey: 'lot-1', organizationId: 'a', period: '2026-08', quantity: null, amountCents: 55_000 },
    ];
    const pipeline = computeSavingsPipeline({ baselines: [baselineA, baselineB], awards: [buildAward()], consumption });
    const reason = 'consommation saisie sans quantité (2026-08) : l’économie réalisée ne peut pas être calculée';
    expect(pipeline.lines.map((l) => [l.organizationId, l.realisedSpendCents, l.realisedSavingsCents, l.realisedUnknownReason])).toEqual([
      ['a', 165_000, null, reason],
      ['b', 0, 0, null],
    ]);
    expect(pipeline.total).toMatchObject({
      realisedSpendCents: 165_000,
      realisedSavingsCents: null,
      realisedKnownCents: 0,
      realisedUnknown: `Inconnue pour 1 ligne : ${reason}.`,
      committedSavingsCents: 350_000,
      committedUnknown: null,
    });
  });
});
