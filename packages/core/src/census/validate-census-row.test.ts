import { describe, expect, it } from 'vitest';
import { buildSiret } from '../identity/siret';
import type { CensusCells } from './census-row';
import { validateCensusRow } from './validate-census-row';

const SIRET = buildSiret('21670482', '0001');

function buildCells(overrides: CensusCells = {}): CensusCells {
  return {
    organizationSiret: SIRET,
    cpvCode: '34927100',
    label: 'Sel de déneigement',
    quantity: '120',
    unit: 't',
    unitPrice: '95,50',
    annualAmount: '',
    deliveryCommunes: '67482, 67218',
    csrRequirements: 'Sel d’origine France; Livraison hors heures de pointe',
    qualityRequirements: 'Granulométrie 0-5 mm',
    confidence: 'ferme',
    ...overrides,
  };
}

function reasons(cells: CensusCells): Record<string, string> {
  const result = validateCensusRow(cells);
  if (result.ok) return {};
  return Object.fromEntries(result.issues.map((i) => [i.key, i.reason]));
}

describe('validateCensusRow', () => {
  it('derives the annual amount from quantity × unit price when it is absent', () => {
    const result = validateCensusRow(buildCells());
    expect(result).toEqual({
      ok: true,
      value: {
        organizationSiret: SIRET,
        cpvCode: '34927100',
        label: 'Sel de déneigement',
        quantity: 120,
        unit: 't',
        unitsPerPack: null,
        unitPriceCents: 9550,
        annualAmountCents: 1146000,
        amountIsDerived: true,
        deliveryCommunes: ['67482', '67218'],
        csrRequirements: ['Sel d’origine France', 'Livraison hors heures de pointe'],
        qualityRequirements: 'Granulométrie 0-5 mm',
        confidence: 'firm',
      },
    });
  });

  it('keeps a stated amount within 1 € of quantity × price', () => {
    const result = validateCensusRow(buildCells({ annualAmount: '11 460,99' }));
    expect(result.ok && result.value.annualAmountCents).toBe(1146099);
    expect(result.ok && result.value.amountIsDerived).toBe(false);
  });

  it('flags a stated amount more than 1 € away from quantity × price', () => {
    expect(reasons(buildCells({ annualAmount: '11 461,01' }))).toEqual({
      annualAmount: 'Le montant annuel (11 461,01 €) diffère de quantité × prix unitaire (11 460,00 €) de plus de 1 €.',
    });
  });

  it('accepts an amount alone, without quantity', () => {
    const result = validateCensusRow(buildCells({ quantity: '', unit: '', unitPrice: '', annualAmount: '5000' }));
    expect(result.ok && result.value).toMatchObject({ quantity: null, unit: null, annualAmountCents: 500000, confidence: 'firm' });
  });

  it('accepts drop-down values "code – label" and French unit labels', () => {
    const result = validateCensusRow(buildCells({ organizationSiret: `${SIRET} – Ville`, cpvCode: '34927100-2', unit: 'tonne' }));
    expect(result.ok && result.value.unit).toBe('t');
  });

  it('names every bad cell with a French reason', () => {
    expect(
      reasons(
        buildCells({
          organizationSiret: '12345678901234',
          cpvCode: '12345678',
          label: '',
          unit: 'caisses',
          deliveryCommunes: '67482, 99999',
          confidence: 'peut-être',
        }),
      ),
    ).toEqual({
      organizationSiret: 'Le SIREN (9 premiers chiffres) a une clé de contrôle invalide.',
      cpvCode: 'Le code CPV 12345678 n’existe pas dans la nomenclature CPV 2008.',
      label: 'Le libellé est obligatoire.',
      unit:
        'Unité inconnue « caisses » ; unités reconnues : unité, paire, boîte (de N unités), lot (de N unités), gramme, kilogramme, ' +
        'tonne, millilitre, litre, mètre cube, feuille, ramette (500 feuilles), mètre carré, kilomètre, heure, jour (8 h), forfait.',
      deliveryCommunes: 'Aucune commune n’a le code INSEE 99999 (un code postal ? Indiquez le code INSEE ou le nom de la commune).',
      confidence: 'Confiance inconnue « peut-être » ; valeurs possibles : ferme, estimé, indicatif.',
    });
  });

  it('requires the number of units of a box', () => {
    expect(reasons(buildCells({ unit: 'box' }))).toEqual({ unitsPerPack: 'Indiquez le nombre d’unités par boîte.' });
  });

  it('reads units as buyers type them in French, a box with its count giving the units per pack', () => {
    const read = (unit: string, unitsPerPack = '') => {
      const result = validateCensusRow(buildCells({ unit, unitsPerPack }));
      return result.ok ? [result.value.unit, result.value.unitsPerPack] : reasons(buildCells({ unit, unitsPerPack }));
    };
    expect(read('tonnes')).toEqual(['t', null]);
    expect(read('Ramettes')).toEqual(['ream', null]);
    expect(read('litres')).toEqual(['L', null]);
    expect(read('paires')).toEqual(['pair', null]);
    expect(read('forfait')).toEqual(['lump_sum', null]);
    expect(read('boîtes de 100')).toEqual(['box', 100]);
    expect(read('boîtes de 100', '100')).toEqual(['box', 100]);
    expect(read('boîtes de 100', '50')).toEqual({
      unitsPerPack: 'L’unité dit 100 unités par boîte, cette colonne 50 : indiquez le même nombre.',
    });
  });

  it('resolves communes typed by name to their INSEE code, preferring the territory’s départements', () => {
    const communes = (deliveryCommunes: string, preferredDepartementCodes?: string[]) => {
      const result = validateCensusRow(buildCells({ deliveryCommunes }), preferredDepartementCodes ? { preferredDepartementCodes } : {});
      return result.ok ? result.value.deliveryCommunes : result.issues.map((i) => i.reason);
    };
    expect(communes('Strasbourg')).toEqual(['67482']);
    expect(communes('Strasbourg, Mulhouse; 67218 67180')).toEqual(['67482', '68224', '67218', '67180']);
    expect(communes('Saint-Louis', ['67', '68'])).toEqual(['68297']);
    expect(communes('Saint-Louis')).toEqual([
      expect.stringMatching(/^« Saint-Louis » désigne plusieurs communes : Saint-Louis \(57, code 57618\)/),
    ]);
  });

  it('refuses a date in a number column, naming the date the spreadsheet made of the typed value', () => {
    // Excel turns « 1/2 » typed in a number cell into a date; the file readers give such a cell as YYYY-MM-DD.
    expect(reasons(buildCells({ quantity: '2027-01-02' }))).toEqual({
      quantity:
        'La quantité est une date (02/01/2027) : le tableur a converti la saisie en date (« 1/2 » devient le 1er février ' +
        'ou le 2 janvier). Saisissez un nombre, par ex. 0,5, dans une cellule au format Nombre.',
    });
    expect(Object.keys(reasons(buildCells({ unitPrice: '2026-03-04' })))).toEqual(['unitPrice']);
    expect(Object.keys(reasons(buildCells({ annualAmount: '2026-03-04' })))).toEqual(['annualAmount']);
  });

  it('requires an amount or a quantity with a price', () => {
    expect(reasons(buildCells({ unitPrice: '' }))).toEqual({
      annualAmount: 'Indiquez le montant annuel, ou la quantité et le prix unitaire.',
    });
  });

  it('refuses sub-cent unit prices rather than rounding them', () => {
    expect(reasons(buildCells({ unitPrice: '0,0345' }))).toEqual({
      unitPrice: 'Le prix unitaire : un montant en euros a au plus 2 décimales (centimes).',
    });
  });

  it('refuses a SIRET of an organization outside the territory when the list is given', () => {
    const result = validateCensusRow(buildCells(), { knownSirets: new Set([buildSiret('21670218', '0001')]) });
    expect(result.ok).toBe(false);
  });

  it('defaults the confidence to estimated', () => {
    const result = validateCensusRow(buildCells({ confidence: '' }));
    expect(result.ok && result.value.confidence).toBe('estimated');
  });
});
