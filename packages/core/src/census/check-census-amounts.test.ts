import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../families/default-families';
import type { CensusRow } from './census-row';
import { type CensusAmountPeer, checkCensusAmounts } from './check-census-amounts';

function buildPeer(overrides: Partial<CensusAmountPeer> = {}): CensusAmountPeer {
  return {
    cpvCode: '22458000',
    label: 'Carnets de santé',
    annualAmountCents: 2_106_000,
    quantity: 13_000,
    unit: 'unit',
    unitsPerPack: null,
    unitPriceCents: 162,
    ...overrides,
  };
}

function buildRow(overrides: Partial<CensusRow> = {}): CensusRow {
  return {
    ...buildPeer(),
    organizationSiret: '21670482500019',
    amountIsDerived: true,
    deliveryCommunes: ['67482'],
    csrRequirements: [],
    qualityRequirements: '',
    confidence: 'estimated',
    source: { file: 'recensement.xlsx', sheet: 'Recensement', row: 2 },
    ...overrides,
  };
}

/** The Alsace demo's booklets: 13 000 × 1,62 € = 21 060 €, 15 000 × 0,88 = 13 200 €, 8 500 × 2,05 = 17 425 €, 9 500 × 1,12 = 10 640 €. */
const BOOKLETS = [
  buildPeer(),
  buildPeer({ quantity: 15_000, unitPriceCents: 88, annualAmountCents: 1_320_000, label: 'Carnets de maternité' }),
  buildPeer({ quantity: 8_500, unitPriceCents: 205, annualAmountCents: 1_742_500 }),
  buildPeer({ quantity: 9_500, unitPriceCents: 112, annualAmountCents: 1_064_000, label: 'Carnets de maternité' }),
];

describe('checkCensusAmounts', () => {
  it('flags « 1/2 » read as 46 389 booklets at 1 234,56 €: amount and unit price far above the family’s on the territory', () => {
    // 46 389 × 1 234,56 € = 57 270 003,84 €, 2 719 times the largest booklet need (21 060 €);
    // 1 234,56 € is 602 times the highest booklet price (2,05 €). 46 389 is Excel's serial of 2027-01-02.
    const row = buildRow({ quantity: 46_389, unitPriceCents: 123_456, annualAmountCents: 5_727_000_384 });
    expect(checkCensusAmounts({ rows: [row], peers: BOOKLETS, families: DEFAULT_FAMILIES })).toEqual([
      {
        row: 2,
        sheet: 'Recensement',
        field: 'annualAmount',
        reason:
          'Montant annuel inhabituel : 57 270 003,84 €, soit 2\u00a0719 fois le plus gros besoin de la famille « Carnets de santé et de ' +
          'maternité » sur le territoire (4 besoins de 10 640,00 € à 21 060,00 €). Vérifiez la quantité, l’unité et les montants ; ' +
          'confirmez la ligne pour l’enregistrer telle quelle. La quantité 46\u00a0389 est aussi le numéro du 2 janvier 2027 dans un ' +
          'tableur : une saisie comme « 1/2 » a pu y être convertie en date.',
      },
      {
        row: 2,
        sheet: 'Recensement',
        field: 'unitPrice',
        reason:
          'Prix unitaire inhabituel : 1 234,56 € par unité, soit 602 fois le prix le plus élevé de la famille « Carnets de santé ' +
          'et de maternité » sur le territoire (4 prix de 0,88 € à 2,05 € par unité). Vérifiez le prix et l’unité ; confirmez ' +
          'la ligne pour l’enregistrer telle quelle.',
      },
    ]);
  });

  it('leaves a large buyer within ten times the largest need alone, and judges amounts below a hundredth, prices below a tenth of the smallest', () => {
    // A new département buying 20 000 booklets at 1,50 €: 30 000 €, 1,4 times the largest. Not flagged.
    const large = buildRow({ quantity: 20_000, unitPriceCents: 150, annualAmountCents: 3_000_000 });
    // 100 booklets at 0,05 €: 5 € is 2 128 times less than 10 640 €; 0,05 € is 17,6 → 18 times less than 0,88 €.
    const tiny = buildRow({ quantity: 100, unitPriceCents: 5, annualAmountCents: 500, source: { file: 'f.csv', row: 3 } });
    const flags = checkCensusAmounts({ rows: [large, tiny], peers: BOOKLETS, families: DEFAULT_FAMILIES });
    expect(flags.map((f) => [f.row, f.field, f.reason.split(' de la famille')[0]])).toEqual([
      [3, 'annualAmount', 'Montant annuel inhabituel : 5,00 €, soit 2\u00a0128 fois moins que le plus petit besoin'],
      [3, 'unitPrice', 'Prix unitaire inhabituel : 0,05 € par unité, soit 18 fois moins que le prix le plus bas'],
    ]);
    // A small commune's 500 booklets at 1,20 €: 600 € is 17,7 times less than 10 640 €, within a hundredth. Not flagged.
    const small = buildRow({ quantity: 500, unitPriceCents: 120, annualAmountCents: 60_000 });
    expect(checkCensusAmounts({ rows: [small], peers: BOOKLETS, families: DEFAULT_FAMILIES })).toEqual([]);
  });

  it('compares prices in the row’s unit and widens to the CPV division when the family has fewer than three needs', () => {
    // Salt peers in kg (0,10 €/kg = 100 € per t) and t; a row at 9 500 € per t is 95 times 100 €.
    const salt = [
      buildPeer({ cpvCode: '34927100', label: 'Sel', unit: 'kg', quantity: 100_000, unitPriceCents: 10, annualAmountCents: 1_000_000 }),
      buildPeer({ cpvCode: '34927100', label: 'Sel', unit: 't', quantity: 50, unitPriceCents: 9_600, annualAmountCents: 480_000 }),
      buildPeer({ cpvCode: '34927100', label: 'Sel', unit: 't', quantity: 30, unitPriceCents: 9_000, annualAmountCents: 270_000 }),
    ];
    const row = buildRow({
      cpvCode: '34927100',
      label: 'Sel de déneigement',
      unit: 't',
      quantity: 10,
      unitPriceCents: 950_000,
      annualAmountCents: 9_500_000,
    });
    const [price] = checkCensusAmounts({ rows: [row], peers: salt, families: DEFAULT_FAMILIES }).filter((f) => f.field === 'unitPrice');
    expect(price?.reason).toContain('9 500,00 € par tonne, soit 95 fois le prix le plus élevé de la famille « Sel de déneigement »');
    expect(price?.reason).toContain('(3 prix de 90,00 € à 100,00 € par tonne)');
    // Two salt needs only: the division 34 (transport equipment) is the group, with a third need of it.
    const fewer = [
      ...salt.slice(0, 2),
      buildPeer({
        cpvCode: '34144900',
        label: 'Véhicules électriques',
        unit: null,
        quantity: null,
        unitPriceCents: null,
        annualAmountCents: 500_000,
      }),
    ];
    const [amount] = checkCensusAmounts({
      rows: [buildRow({ ...row, annualAmountCents: 99_000_000, unitPriceCents: null, quantity: null, unit: null })],
      peers: fewer,
      families: DEFAULT_FAMILIES,
    });
    expect(amount?.reason).toMatch(/^Montant annuel inhabituel : 990 000,00 €, soit 99 fois le plus gros besoin de la division CPV 34 \(/);
  });

  it('says nothing without three comparable needs', () => {
    const row = buildRow({ quantity: 46_389, unitPriceCents: 123_456, annualAmountCents: 5_727_000_384 });
    expect(checkCensusAmounts({ rows: [row], peers: BOOKLETS.slice(0, 2), families: DEFAULT_FAMILIES })).toEqual([]);
  });
});
