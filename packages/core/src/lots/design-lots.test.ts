import { describe, expect, it } from 'vitest';
import { designLots } from './design-lots';
import { buildDemandUnit, buildLotFirm, buildTestSites } from './test-builders';
import type { LotFirm } from './types';

const GEL = '33741300';
const SOAP = '33711900';
const sites = buildTestSites(['16015', '16102']);
const demand = [
  buildDemandUnit({ id: 'a-gel', siteCode: '16015', cpvCode: GEL, volume: 4000, amountCents: 400_000 }),
  buildDemandUnit({ id: 'b-gel', siteCode: '16102', cpvCode: GEL, volume: 5000, amountCents: 500_000 }),
  buildDemandUnit({ id: 'a-soap', siteCode: '16015', cpvCode: SOAP, volume: 1000, amountCents: 100_000 }),
  buildDemandUnit({ id: 'b-soap', siteCode: '16102', cpvCode: SOAP, volume: 1000, amountCents: 100_000 }),
];
const gelMaker = (id: string): LotFirm => buildLotFirm({ id, offers: [{ cpvCode: GEL, freeCapacity: 10_000 }] });
const soapMaker = (id: string): LotFirm => buildLotFirm({ id, offers: [{ cpvCode: SOAP, freeCapacity: 5_000 }] });
const firms = [gelMaker('g1'), gelMaker('g2'), soapMaker('s1'), soapMaker('s2')];

describe('designLots', () => {
  // With b = 1, p(V) = p_d × v_d / V, so a unit saves a_d × (1 − v_d / V_ℓ):
  // one lot (V = 11 000 L): 400k × 7/11 + 500k × 6/11 + 2 × 100k × 10/11 = 7.8M / 11 = 709 091;
  // by product: gel (9 000 L) 400k × 5/9 + 500k × 4/9 = 444 444, soap (2 000 L) 2 × 100k × 1/2 = 100 000 → 544 444;
  // by site: Angoulême (5 000 L) 80k + 80k = 160 000, Cognac (6 000 L) 83 333 + 83 333 → 326 667.
  // No firm makes both products, so only single-product lots have 2 eligible firms.
  const result = designLots({ sites, demand, firms, elasticity: 1 });

  it('returns the frontier between the big lot and the product lots, the by-site split being dominated', () => {
    if (!result.ok) throw new Error(result.reason);
    expect(result.frontier.map((s) => [s.savingsCents, s.accessibleShare, s.lots.map((l) => l.id)])).toEqual([
      [709_091, 0, ['T|*']],
      [544_444, 1, ['T|=33711900', 'T|=33741300']],
    ]);
    expect(result.singleLot.lots[0]?.eligibleFirmIds).toEqual([]);
  });

  it('recommends the max-savings structure whose lots are all accessible, with their eligible firms', () => {
    if (!result.ok) throw new Error(result.reason);
    expect(result.recommendedReason).toBe('all_accessible');
    expect(result.recommended.lots.map((l) => [l.id, l.eligibleFirmIds, l.volumes, l.amountCents])).toEqual([
      ['T|=33711900', ['s1', 's2'], { L: 2000 }, 200_000],
      ['T|=33741300', ['g1', 'g2'], { L: 9000 }, 900_000],
    ]);
    expect(result.singleLotJustification).toBeNull();
  });

  it('falls back to the best accessible share when no structure is fully accessible', () => {
    const r = designLots({ sites, demand, firms: [gelMaker('g1'), gelMaker('g2')], elasticity: 1 });
    if (!r.ok) throw new Error(r.reason);
    // Gel lots are accessible (9 000 of 11 000 L); soap never is: best share 9/11 with the product split.
    expect(r.recommendedReason).toBe('best_accessible_share');
    expect(r.recommended.accessibleShare).toBeCloseTo(9 / 11, 12);
    expect(r.recommended.savingsCents).toBe(544_444);
  });

  it('flags a lot reservable when an eligible firm is an inclusion firm (L2113-12/13)', () => {
    const r = designLots({ sites, demand, firms: [...firms, { ...soapMaker('esat'), isInclusionFirm: true }], elasticity: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.recommended.lots.map((l) => [l.id, l.isReservable])).toEqual([
      ['T|=33711900', true],
      ['T|=33741300', false],
    ]);
  });

  it('counts lots awardable to local firms under a one-lot-per-bidder cap (R2113-1)', () => {
    // Gel only: the single lot (9 000 L) exceeds the firm's 5 000 L; the two site lots (4 000 and 5 000 L) fit,
    // but both have the same sole eligible firm, so with at most one lot per bidder only one goes local.
    const gelOnly = demand.filter((d) => d.cpvCode === GEL);
    const solo = [buildLotFirm({ id: 'solo', offers: [{ cpvCode: GEL, freeCapacity: 5_000 }] })];
    const capped = designLots({ sites, demand: gelOnly, firms: solo, minEligibleFirms: 1, maxLotsPerBidder: 1 });
    const free = designLots({ sites, demand: gelOnly, firms: solo, minEligibleFirms: 1 });
    if (!capped.ok || !free.ok) throw new Error('design failed');
    expect(capped.awardFeasibility).toEqual({ maxLotsPerBidder: 1, lotsAwardableLocally: 1, lotCount: 2 });
    expect(free.awardFeasibility).toEqual({ maxLotsPerBidder: null, lotsAwardableLocally: 2, lotCount: 2 });
    expect(capped.maxLotsClause).toContain('ne peut se voir attribuer plus de 1 lot');
    expect(capped.maxLotsClause).toContain('cascade');
  });

  it('refuses a demand unit delivered to an unknown site', () => {
    const r = designLots({ sites, demand: [buildDemandUnit({ siteCode: '99999' })], firms });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('99999') });
  });

  it('justifies a single lot by its cost (L2113-11 2°) when splitting gains no access', () => {
    // Both firms can take everything: the single lot is accessible and saves the most.
    const big = (id: string) => buildLotFirm({ id, offers: [{ cpvCode: '33700000', freeCapacity: 20_000 }] });
    const r = designLots({ sites, demand, firms: [big('m1'), big('m2')], elasticity: 1, maxLotsPerBidder: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.recommended.lots.map((l) => l.id)).toEqual(['T|*']);
    const grounds = r.singleLotJustification?.grounds.map((g) => [g.article, g.applies]);
    expect(grounds).toEqual([
      ['L2113-10', 'no'],
      ['L2113-11 1°', 'to_assess'],
      ['L2113-11 2°', 'yes'],
      ['L2113-11 3°', 'no'],
    ]);
    // Best split for savings: by product, 544 444; loss 709 091 − 544 444 = 164 647 cents = 1 646,47 € → "1 646 €".
    expect(r.singleLotJustification?.text).toContain('1\u00a0646 €');
    expect(r.maxLotsClause).toContain('sans objet');
  });
});
