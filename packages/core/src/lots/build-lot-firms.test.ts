import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETENCES } from '../competences/default-competences';
import { haversineKm } from '../geo/communes';
import { DEFAULT_RECIPES } from '../recipes/default-recipes';
import { buildLotFirms, type LocalFirmRecord } from './build-lot-firms';
import { explainLotFirms } from './explain-lot-firms';
import { buildDemandUnit, buildTestSites, TEST_POSITIONS } from './test-builders';

// The de-icing salt recipe weighs bulk storage 3, heavy-goods transport 3, warehouse logistics 1 (total 7);
// the salt itself (CPV 14410000, 1 t per tonne) is an input bought in, as is the anti-caking agent,
// and road haulage (CPV 60100000, 1 t per tonne) is the third input.
const SALT_RECIPE = DEFAULT_RECIPES.find((r) => r.id === 'recipe-de-icing-salt');
if (!SALT_RECIPE) throw new Error('no salt recipe');

function buildFirm(overrides: Partial<LocalFirmRecord> & Pick<LocalFirmRecord, 'id'>): LocalFirmRecord {
  return {
    name: overrides.id,
    position: TEST_POSITIONS['67482'] as [number, number],
    positionBasis: 'commune',
    profile: { competences: [], products: [], deliveryRadiusKm: 100, certifications: [] },
    ...overrides,
  };
}

const trader = buildFirm({
  id: 'trader',
  name: 'Négoce de sel',
  profile: {
    competences: ['stockage-vrac', 'logistique-entrepot'],
    products: [
      { cpvCode: '34927100', label: 'Sel de déneigement en vrac', annualCapacity: 45_000, unit: 't' },
      { cpvCode: '14410000', label: 'Sel gemme', annualCapacity: 10_000, unit: 't' },
    ],
    deliveryRadiusKm: 150,
    certifications: [],
  },
});
const haulier = buildFirm({
  id: 'haulier',
  name: 'Transports du Nord',
  position: TEST_POSITIONS['67180'] as [number, number],
  profile: {
    competences: ['transport-poids-lourds', 'stockage-vrac'],
    products: [{ cpvCode: '60100000', label: 'Transport routier de vrac', annualCapacity: 30_000, unit: 't' }],
    deliveryRadiusKm: 60,
    certifications: [],
  },
});
const truckOnly = buildFirm({
  id: 'truck-only',
  name: 'Camions seuls',
  profile: {
    competences: ['transport-poids-lourds'],
    products: [{ cpvCode: '60100000', label: 'Transport routier', annualCapacity: 50_000, unit: 't' }],
    deliveryRadiusKm: 100,
    certifications: [],
  },
});
const warehouse = buildFirm({
  id: 'warehouse',
  profile: { competences: ['logistique-entrepot'], products: [], deliveryRadiusKm: 100, certifications: [] },
});
const printer = buildFirm({
  id: 'printer',
  profile: {
    competences: ['impression-offset'],
    products: [{ cpvCode: '22458000', label: 'Carnets', annualCapacity: 1000, unit: 'unit' }],
    deliveryRadiusKm: 100,
    certifications: [],
  },
});

const sites = buildTestSites(['67482', '67180', '68066']);
// 10 000 t at Strasbourg and 6 000 t at Haguenau: 16 000 t in one Bas-Rhin lot.
const demand = [
  buildDemandUnit({ id: 'strasbourg', siteCode: '67482', cpvCode: '34927100', unit: 'kg', volume: 10_000_000 }),
  buildDemandUnit({ id: 'haguenau', siteCode: '67180', cpvCode: '34927100', unit: 'kg', volume: 6_000_000 }),
];
const build = (firms: LocalFirmRecord[], declarations = []) =>
  buildLotFirms({ firms, demand, sites, recipes: [SALT_RECIPE], minProducerCoverage: 0.75, declarations });

describe('buildLotFirms', () => {
  it('counts a haulier with a salt shed as able to answer a salt lot, its capacity read on its haulage line', () => {
    const { firms, assessed } = build([trader, haulier, truckOnly, warehouse, printer]);
    expect(firms.map((f) => f.id)).toEqual(['trader', 'haulier']);
    const offer = firms.find((f) => f.id === 'haulier')?.offers[0];
    // Coverage (3 + 3) / 7; capacity 30 000 t of haulage ÷ 1 t per tonne of salt = 30 000 t = 30 000 000 kg.
    expect(offer).toEqual({
      cpvCode: '34927100',
      freeCapacity: 30_000_000,
      basis: {
        kind: 'producer',
        recipeLabel: SALT_RECIPE.label,
        coverage: 6 / 7,
        covered: ['stockage-vrac', 'transport-poids-lourds'],
        missing: ['logistique-entrepot'],
        capacityLine: { label: 'Transport routier de vrac', isRecipeInput: true },
        inputs: [
          { label: 'Sel gemme ou sel de mer (chlorure de sodium)', isOwn: false, localSupplierIds: ['trader'] },
          { label: 'Antimottant (ferrocyanure de sodium)', isOwn: false, localSupplierIds: [] },
          { label: 'Transport routier jusqu’au centre d’exploitation', isOwn: true, localSupplierIds: [] },
        ],
      },
    });
    // Trucks alone cover 3 / 7 ≈ 43 %: a near miss (≥ 37.5 %, half the threshold); the warehouse's 1 / 7 is not.
    expect(assessed.map((a) => a.firm.id)).toEqual(['trader', 'haulier', 'truck-only']);
    expect(assessed.find((a) => a.firm.id === 'truck-only')?.rejectedProducers).toEqual([
      {
        recipeLabel: SALT_RECIPE.label,
        productCpvCode: '34927100',
        coverage: 3 / 7,
        missing: ['stockage-vrac', 'logistique-entrepot'],
        minCoverage: 0.75,
        // De-icing salt has no blocking prerequisite in the table.
        missingPrerequisites: [],
      },
    ]);
  });

  it('turns a declaration of interest into an offer on the declared lot and stretches the radius to its sites', () => {
    const far = buildFirm({
      id: 'far',
      position: TEST_POSITIONS['68066'] as [number, number],
      profile: { competences: [], products: [], deliveryRadiusKm: 10, certifications: [] },
    });
    const { firms } = buildLotFirms({
      firms: [far],
      demand,
      sites,
      recipes: [SALT_RECIPE],
      minProducerCoverage: 0.75,
      declarations: [{ firmId: 'far', lotLabel: 'Lot Strasbourg', siteCodes: ['67482'], quantity: 12_000, unit: 't' }],
    });
    expect(firms[0]?.offers).toEqual([
      { cpvCode: '34927100', freeCapacity: 12_000_000, basis: { kind: 'declaration', lotLabel: 'Lot Strasbourg' } },
    ]);
    const colmarToStrasbourg = haversineKm(TEST_POSITIONS['68066'] as [number, number], TEST_POSITIONS['67482'] as [number, number]);
    expect(firms[0]?.deliveryRadiusKm).toBeCloseTo(colmarToStrasbourg + 0.001, 9);
  });
});

describe('explainLotFirms', () => {
  const explain = (firms: LocalFirmRecord[], ids = ['strasbourg', 'haguenau']) =>
    explainLotFirms({ demandUnitIds: ids, demand, sites, assessed: build(firms).assessed, competences: DEFAULT_COMPETENCES });

  it('says why the trader and the haulier can answer the lot and why trucks alone cannot', () => {
    const verdicts = explain([trader, haulier, truckOnly, warehouse]);
    expect(verdicts.map((v) => [v.firmId, v.isEligible, v.sources])).toEqual([
      ['trader', true, ['product']],
      ['haulier', true, ['producer']],
      ['truck-only', false, []],
    ]);
    const [ofTrader, ofHaulier, ofTrucks] = verdicts.map((v) => v.explanation);
    // Strasbourg–Haguenau ≈ 27 km, inside both radii.
    expect(ofTrader).toBe(
      'Éligible : vend déjà « Sel de déneigement en vrac ». Capacité 45\u00a0000\u00a0t/an ≥ 16\u00a0000\u00a0t demandées dans ce lot ; ' +
        `livre les 2 sites du lot (rayon de livraison 150\u00a0km ; le plus loin : Haguenau à ${formatKm(TEST_POSITIONS['67482'], TEST_POSITIONS['67180'])}\u00a0km).`,
    );
    expect(ofHaulier).toContain(
      'peut assurer « Sel de déneigement livré en vrac au centre d’exploitation » : couvre 86\u00a0% des compétences pondérées',
    );
    expect(ofHaulier).toContain('achète : sel gemme ou sel de mer (chlorure de sodium) (fournisseur local : Négoce de sel)');
    expect(ofHaulier).toContain('capacité lue sur sa ligne « Transport routier de vrac », intrant de la recette');
    expect(ofHaulier).toContain('Capacité 30\u00a0000\u00a0t/an ≥ 16\u00a0000\u00a0t demandées dans ce lot');
    expect(ofTrucks).toBe(
      'Non éligible : ne propose pas « Sel de déneigement » et ne peut pas l’assurer selon la recette « Sel de déneigement livré en vrac au centre d’exploitation » : ' +
        "couvre 43\u00a0% des compétences pondérées (seuil 75\u00a0%), manque : stockage en vrac (hangar, silo), logistique d'entrepôt.",
    );
  });

  it('names the capacity and the sites out of reach that keep a firm out of a lot', () => {
    const small = {
      ...haulier,
      profile: {
        ...haulier.profile,
        products: [{ cpvCode: '60100000', label: 'Transport routier de vrac', annualCapacity: 15_000, unit: 't' as const }],
      },
    };
    const [verdict] = explain([small]);
    expect(verdict?.isEligible).toBe(false);
    expect(verdict?.explanation).toMatch(/^Non éligible : capacité 15\u00a0000\u00a0t\/an < 16\u00a0000\u00a0t demandées dans ce lot\./);
    const near = { ...haulier, profile: { ...haulier.profile, deliveryRadiusKm: 5 } };
    expect(explain([near])[0]?.explanation).toMatch(
      /^Non éligible : 1 site sur 2 hors de son rayon de livraison 5\u00a0km \(le plus loin : Strasbourg à /,
    );
    const unplaced = { ...trader, positionBasis: 'departement' as const };
    expect(explain([unplaced])[0]?.explanation).toContain('Position : centre de son département (commune sans coordonnées).');
  });
});

function formatKm(a: readonly [number, number] | undefined, b: readonly [number, number] | undefined): string {
  const km = haversineKm(a as [number, number], b as [number, number]);
  return km >= 100 ? String(Math.round(km)) : String(Math.round(km * 10) / 10).replace('.', ',');
}
