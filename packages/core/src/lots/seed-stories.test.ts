import { describe, expect, it } from 'vitest';
import { rankLocalSourcing } from '../sourcing/rank-local-sourcing';
import { buildGelRecipe, buildSourcingFirm, buildSourcingNeed, CHARENTE_POSITIONS, GEL_COMPETENCES } from '../sourcing/test-builders';
import type { SourcingFirm } from '../sourcing/types';
import { designLots } from './design-lots';
import { buildDemandUnit, buildLotFirm, buildTestSites, TEST_POSITIONS } from './test-builders';
import type { LotFirm } from './types';

describe('Charente hand-sanitiser gel', () => {
  // City of Angoulême 4 000 L + hospital in Cognac 5 000 L = 9 000 L pooled.
  const need = buildSourcingNeed({ quantity: 9000, deliveryCommunes: ['16015', '16102'] });
  const polishMaker = buildSourcingFirm({
    id: 'cirerie',
    name: 'Cirerie charentaise',
    position: [0.05, 45.66], // between the two sites, ≈ 8 and 29 km away
    profile: {
      competences: ['formulation-liquides', 'melange-cuves', 'conditionnement-flacons'],
      products: [{ cpvCode: '39812000', label: 'Cirage liquide', annualCapacity: 6000, unit: 'L' }],
      deliveryRadiusKm: 80,
    },
  });
  const distiller = buildSourcingFirm({
    id: 'distillerie',
    name: 'Distillerie de Cognac',
    position: [-0.3, 45.69],
    profile: { products: [{ cpvCode: '24322510', label: 'Alcool éthylique 96 %', annualCapacity: 5000, unit: 'L' }], deliveryRadiusKm: 80 },
  });
  const bottles = buildSourcingFirm({
    id: 'flaconnerie',
    name: 'Flaconnerie du Ruffecois',
    position: [0.2, 46.03],
    profile: {
      products: [{ cpvCode: '39225730', label: 'Flacons PET 500 mL', annualCapacity: 20_000, unit: 'unit' }],
      deliveryRadiusKm: 120,
    },
  });
  const firms: SourcingFirm[] = [polishMaker, distiller, bottles];

  it('finds the polish maker as potential producer, the distiller for ethanol and the bottle supplier', () => {
    const result = rankLocalSourcing({
      need,
      firms,
      positions: CHARENTE_POSITIONS,
      recipes: [buildGelRecipe()],
      competences: GEL_COMPETENCES,
      minProducerCoverage: 0.75,
    });
    const producer = result.potentialProducers[0];
    expect(producer?.firmId).toBe('cirerie');
    // Weighted coverage (2 + 2 + 3) / 8 = 0.875; capacity estimated from the polish line, 6 000 / 9 000 = 2/3.
    expect(producer?.competenceCoverage).toBe(0.875);
    expect(producer?.capacityShare).toBeCloseTo(2 / 3, 12);
    expect(producer?.explanation).toMatch(
      /^couvre 3 compétences sur 4 : formulation de liquides, mélange en cuves, conditionnement en flacons ; manque : BPF cosmétiques\. Capacité estimée 6\u00a0000\u00a0L\/an, soit 67\u00a0% du volume groupé/,
    );
    expect(producer?.explanation).toContain('R2111-1');
    // Ethanol: 9 000 × 0.8333 = 7 499.7 L needed, 5 000 L → 67 %; bottles: 18 000 needed, 20 000 → 100 %.
    expect(result.inputs.map((i) => [i.cpvCode, i.suppliers.map((s) => s.firmId), Math.round(i.capacityShare * 100)])).toEqual([
      ['24322510', ['distillerie'], 67],
      ['39225730', ['flaconnerie'], 100],
    ]);
    // The gel is a TP1 biocide (Règlement (UE) n° 528/2012): a producer without the biocide declaration,
    // batch quality control and an ICPE-covered ethanol store cannot answer, whatever its coverage.
    expect(result.coverage).toEqual({ share: 0, directShare: 0, producerShare: 0, allInputsSourced: true });
    expect(producer?.missingPrerequisites.map((p) => p.code)).toEqual(['biocide-declaration', 'quality-control', 'icpe-flammable-storage']);
    expect(producer?.explanation).toContain('Ne peut pas répondre seul tant que ces prérequis bloquants n’ont pas été remplis');
    expect(producer?.explanation).toContain('Règlement (UE) n° 528/2012');
    // Once it holds them (declared product, laboratory, ICPE store), its 6 000 L count: 6 000 / 9 000 = 2/3.
    const compliant = rankLocalSourcing({
      need,
      firms: [
        {
          ...polishMaker,
          profile: {
            ...polishMaker.profile,
            competences: [
              ...polishMaker.profile.competences,
              'reglementation-biocides',
              'laboratoire-controle-qualite',
              'stockage-inflammables',
            ],
          },
        },
        distiller,
        bottles,
      ],
      positions: CHARENTE_POSITIONS,
      recipes: [buildGelRecipe()],
      competences: GEL_COMPETENCES,
      minProducerCoverage: 0.75,
    });
    expect(compliant.coverage).toEqual({ share: 2 / 3, directShare: 0, producerShare: 2 / 3, allInputsSourced: true });
    expect(result.graph.edges).toContainEqual({ from: 'supplier:distillerie', to: 'input-0', label: expect.stringContaining('67') });
    // At the default threshold (every competence held) nobody can produce yet: the gap is the BPF certification.
    const strict = rankLocalSourcing({
      need,
      firms,
      positions: CHARENTE_POSITIONS,
      recipes: [buildGelRecipe()],
      competences: GEL_COMPETENCES,
    });
    expect(strict.coverage.share).toBe(0);
  });

  it('shows one large lot has no eligible local firm while the recommended lots keep two each', () => {
    const sites = buildTestSites(['16015', '16102'], TEST_POSITIONS);
    const demand = [
      buildDemandUnit({ id: 'ville', siteCode: '16015', volume: 4000, amountCents: 2_000_000 }),
      buildDemandUnit({ id: 'hopital', siteCode: '16102', volume: 5000, amountCents: 2_500_000 }),
    ];
    // Producers' free capacity is under the pooled 9 000 L but at least half of it.
    const lotFirms: LotFirm[] = [
      buildLotFirm({
        id: 'cirerie',
        position: polishMaker.position,
        deliveryRadiusKm: 80,
        offers: [{ cpvCode: '33741300', freeCapacity: 6000 }],
      }),
      buildLotFirm({
        id: 'savonnerie',
        position: [0.16, 45.65],
        deliveryRadiusKm: 80,
        offers: [{ cpvCode: '33741300', freeCapacity: 5000 }],
      }),
    ];
    const r = designLots({ sites, demand, firms: lotFirms });
    if (!r.ok) throw new Error(r.reason);
    expect(r.singleLot.lots[0]?.eligibleFirmIds).toEqual([]);
    expect(r.singleLot.accessibleShare).toBe(0);
    expect(r.recommendedReason).toBe('all_accessible');
    expect(r.recommended.lots.map((l) => [l.geoNode, l.eligibleFirmIds])).toEqual([
      ['C:16015', ['cirerie', 'savonnerie']],
      ['C:16102', ['cirerie', 'savonnerie']],
    ]);
    // The single lot saves more: the frontier shows the trade-off.
    expect(r.frontier.map((s) => s.lots.length)).toEqual([1, 2]);
  });
});

describe('Alsace road salt', () => {
  const codes = ['67482', '67180', '68066', '68224'];
  const sites = buildTestSites(codes, TEST_POSITIONS);
  const demand = codes.map((siteCode, i) =>
    buildDemandUnit({
      id: `sel-${siteCode}`,
      siteCode,
      cpvCode: '34927100',
      unit: 'kg',
      volume: 400_000 + i * 100_000,
      amountCents: 4_000_000 + i * 1_000_000,
    }),
  );
  // Each haulier's 35 km radius covers its own département only (Brumath → Strasbourg ≈ 17 km, Haguenau ≈ 10 km, Colmar ≈ 73 km).
  const haulier = (id: string, position: readonly [number, number]): LotFirm =>
    buildLotFirm({ id, position, deliveryRadiusKm: 35, offers: [{ cpvCode: '34927100', freeCapacity: 5_000_000 }] });
  const firms = [
    haulier('bas-rhin-1', [7.71, 48.73]),
    haulier('bas-rhin-2', [7.72, 48.7]),
    haulier('haut-rhin-1', [7.21, 47.91]),
    haulier('haut-rhin-2', [7.3, 47.93]),
  ];

  it('recommends one lot per département, keeping the local hauliers eligible', () => {
    const r = designLots({ sites, demand, firms, elasticity: 0.03 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.singleLot.lots[0]?.eligibleFirmIds).toEqual([]);
    expect(r.recommended.lots.map((l) => [l.geoNode, l.eligibleFirmIds])).toEqual([
      ['D:67', ['bas-rhin-1', 'bas-rhin-2']],
      ['D:68', ['haut-rhin-1', 'haut-rhin-2']],
    ]);
    expect(r.recommended.accessibleShare).toBe(1);
  });
});
