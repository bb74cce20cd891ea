import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSourcingIndex } from './build-sourcing-index';
import { rankLocalSourcing } from './rank-local-sourcing';
import { buildGelRecipe, buildSourcingFirm, buildSourcingNeed, CHARENTE_POSITIONS, GEL_COMPETENCES } from './test-builders';
import type { SourcingFirm } from './types';

const base = { positions: CHARENTE_POSITIONS, recipes: [buildGelRecipe()], competences: GEL_COMPETENCES };

describe('rankLocalSourcing', () => {
  it('says when a firm sits at its département centroid because its commune has no point', () => {
    const gel = { cpvCode: '33741300', label: 'Gel', annualCapacity: 9000, unit: 'L' as const };
    const firms = [
      buildSourcingFirm({ id: 'placed', profile: { products: [gel] } }),
      buildSourcingFirm({ id: 'centroid', positionBasis: 'departement', profile: { products: [gel] } }),
    ];
    const result = rankLocalSourcing({ ...base, need: buildSourcingNeed(), firms });
    const explanationOf = (id: string) => result.directSuppliers.find((s) => s.firmId === id)?.explanation ?? '';
    expect(explanationOf('centroid')).toMatch(/Position : centre de son département \(commune sans coordonnées\), distances approchées\.$/);
    expect(explanationOf('placed')).not.toContain('Position');
  });

  it('ranks direct suppliers by reach, then exact match, then capacity share', () => {
    const firms = [
      buildSourcingFirm({
        id: 'class-big',
        profile: { products: [{ cpvCode: '33741100', label: 'Nettoyant mains', annualCapacity: 20000, unit: 'L' }], deliveryRadiusKm: 100 },
      }),
      buildSourcingFirm({
        id: 'exact-small',
        profile: { products: [{ cpvCode: '33741300', label: 'Gel', annualCapacity: 3, unit: 'm3' }], deliveryRadiusKm: 100 },
      }),
      buildSourcingFirm({
        id: 'exact-far',
        profile: { products: [{ cpvCode: '33741300', label: 'Gel', annualCapacity: 9000, unit: 'L' }], deliveryRadiusKm: 5 },
      }),
      buildSourcingFirm({
        id: 'other-class',
        profile: { products: [{ cpvCode: '33711900', label: 'Savon', annualCapacity: 9000, unit: 'L' }] },
      }),
    ];
    const result = rankLocalSourcing({ ...base, need: buildSourcingNeed(), firms });
    // exact-far reaches Angoulême (0 km) but not Cognac (≈ 38 km > 5 km) → last.
    // exact-small: 3 m3 = 3 000 L → 3000 / 9000 = 1/3; class-big: capped at 1 but only a class match.
    expect(result.directSuppliers.map((s) => [s.firmId, s.match, s.capacity, s.capacityShare])).toEqual([
      ['exact-small', 'exact', 3000, 1 / 3],
      ['class-big', 'class', 20000, 1],
      ['exact-far', 'exact', 9000, 1],
    ]);
    // Only firms reaching both sites count: (3 000 + 20 000) / 9 000 capped at 1; exact-far does not.
    expect(result.coverage.directShare).toBe(1);
    expect(result.directSuppliers[0]?.explanation).toContain('R2111-1');
  });

  it('scores potential producers by weighted competence coverage and lists what is missing', () => {
    const firms = [
      buildSourcingFirm({ id: 'three', profile: { competences: ['formulation-liquides', 'melange-cuves', 'conditionnement-flacons'] } }),
      buildSourcingFirm({ id: 'one', profile: { competences: ['bpf-cosmetiques'] } }),
    ];
    const result = rankLocalSourcing({ ...base, need: buildSourcingNeed(), firms });
    // three: (2 + 2 + 3) / 8 = 0.875; one: 1 / 8 = 0.125.
    expect(result.potentialProducers.map((p) => [p.firmId, p.competenceCoverage, p.missing.map((m) => m.code)])).toEqual([
      ['three', 0.875, ['bpf-cosmetiques']],
      ['one', 0.125, ['formulation-liquides', 'melange-cuves', 'conditionnement-flacons']],
    ]);
  });

  it('matches a material without CPV by the head word of its label', () => {
    const recipe = buildGelRecipe({ inputs: [{ cpvCode: null, label: 'Eau distillée', quantityPerUnit: 0.1, unit: 'L' }] });
    const firms = [
      buildSourcingFirm({
        id: 'water',
        profile: { products: [{ cpvCode: '41110000', label: 'Eau potable en citerne', annualCapacity: 450, unit: 'L' }] },
      }),
    ];
    const result = rankLocalSourcing({ ...base, recipes: [recipe], need: buildSourcingNeed(), firms });
    // Required 9 000 × 0.1 = 900 L; capacity 450 L → share 0.5.
    expect(result.inputs[0]?.suppliers.map((s) => [s.firmId, s.capacityShare])).toEqual([['water', 0.5]]);
    expect(result.inputs[0]?.requiredQuantity).toBeCloseTo(900, 9);
  });

  it('gives the same result with a prebuilt index', () => {
    const firms = [buildSourcingFirm({ id: 'a', profile: { competences: ['melange-cuves'] } })];
    const need = buildSourcingNeed();
    expect(rankLocalSourcing({ ...base, need, firms, index: buildSourcingIndex(firms) })).toEqual(
      rankLocalSourcing({ ...base, need, firms }),
    );
  });
});

const codes = ['formulation-liquides', 'melange-cuves', 'conditionnement-flacons', 'bpf-cosmetiques'];
const arbFirm = fc.record({
  id: fc.uuid(),
  competences: fc.subarray(codes),
  cpv: fc.constantFrom('33741300', '33741100', '24322510', '39225730', '39812000'),
  capacity: fc.integer({ min: 0, max: 20000 }),
  unit: fc.constantFrom('L' as const, 'mL' as const, 'unit' as const),
  radius: fc.integer({ min: 1, max: 120 }),
  lon: fc.double({ min: -0.6, max: 0.5, noNaN: true }),
  lat: fc.double({ min: 45.4, max: 45.9, noNaN: true }),
});
type ArbFirm = typeof arbFirm extends fc.Arbitrary<infer T> ? T : never;
const toFirm = (f: ArbFirm): SourcingFirm =>
  buildSourcingFirm({
    id: f.id,
    position: [f.lon, f.lat],
    profile: {
      competences: f.competences,
      deliveryRadiusKm: f.radius,
      products: [{ cpvCode: f.cpv, label: 'Produit', annualCapacity: f.capacity, unit: f.unit }],
    },
  });

describe('rankLocalSourcing invariants', () => {
  it('keeps coverage in [0, 1] and never lowers it when a firm is added', () => {
    fc.assert(
      fc.property(fc.array(arbFirm, { maxLength: 8 }), arbFirm, fc.constantFrom(0.5, 0.875, 1), (firms, extra, threshold) => {
        const run = (list: SourcingFirm[]) =>
          rankLocalSourcing({ ...base, need: buildSourcingNeed(), firms: list, minProducerCoverage: threshold }).coverage;
        const before = run(firms.map(toFirm));
        const after = run([...firms.map(toFirm), toFirm({ ...extra, id: `${extra.id}-extra` })]);
        for (const c of [before, after]) {
          expect(c.share).toBeGreaterThanOrEqual(0);
          expect(c.share).toBeLessThanOrEqual(1);
        }
        expect(after.share).toBeGreaterThanOrEqual(before.share);
        expect(Number(after.allInputsSourced)).toBeGreaterThanOrEqual(Number(before.allInputsSourced));
      }),
      { numRuns: 200 },
    );
  });
});
