import { describe, expect, it } from 'vitest';
import { measureSupplySecurity } from './measure-supply-security';

const ANGOULEME: [number, number] = [0.156, 45.649];
const COGNAC: [number, number] = [-0.329, 45.696];

describe('measureSupplySecurity', () => {
  it('computes the concentration of past holders as a Herfindahl–Hirschman index on amounts', () => {
    // Holders 70 610 €, 93 600 € and 16 280 € of 180 490 €: shares 39.12 %, 51.86 %, 9.02 %;
    // HHI = 39.12² + 51.86² + 9.02² ≈ 1 530.6 + 2 689.4 + 81.4 = 4 301 (> 2 000: highly concentrated).
    const s = measureSupplySecurity({
      bidders: [
        { id: 'a', name: 'Grossiste', position: ANGOULEME, inputs: [] },
        { id: 'b', name: 'Cirages', position: ANGOULEME, inputs: [{ label: 'Éthanol', isOwn: false, localSupplierIds: ['d'] }] },
      ],
      sites: [{ code: '16102', name: 'Cognac', position: COGNAC }],
      pastContracts: [
        { holderKey: 'h', holderName: 'Hygiène Nationale', amountCents: 4_420_000, offersReceived: null },
        { holderKey: 'h', holderName: 'Hygiène Nationale', amountCents: 2_641_000, offersReceived: 3 },
        { holderKey: 'p', holderName: 'Pharma', amountCents: 9_360_000, offersReceived: 5 },
        { holderKey: 's', holderName: 'Services', amountCents: 1_628_000, offersReceived: null },
      ],
    });
    expect(s.concentration.hhi).toBe(4301);
    expect(s.concentration.topHolder?.name).toBe('Pharma');
    // Offers received 3 and 5: median 4.
    expect(s.expectedBidders).toMatchObject({ localEligible: 2, pastOffersMedian: 4, pastContractsWithOffers: 2 });
    expect(s.dependence.singleSourceInputs).toEqual(['Éthanol']);
    // Angoulême–Cognac ≈ 38 km, under 100 km: two weak points (concentration, single-source ethanol) → fragile.
    expect(Math.round(s.distance.farthestSiteKm ?? 0)).toBe(38);
    expect(s.risks).toEqual(['titulaires passés très concentrés', 'intrant à source unique']);
    expect(s.level).toBe('fragile');
  });

  it('says when no bid counts are published and no firm can answer', () => {
    const s = measureSupplySecurity({ bidders: [], sites: [{ code: '16102', name: 'Cognac', position: COGNAC }], pastContracts: [] });
    expect(s.expectedBidders.text).toContain('non publiées');
    expect(s.concentration.hhi).toBeNull();
    expect(s.level).toBe('moyenne');
    expect(s.risks).toEqual(['moins de deux entreprises locales']);
  });
});
