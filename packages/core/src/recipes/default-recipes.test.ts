import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETENCES } from '../competences';
import { checkCpv } from '../cpv';
import { isUnitCode } from '../units';
import { DEFAULT_RECIPES } from './default-recipes';
import type { Recipe } from './recipe';

function recipe(id: string): Recipe {
  const found = DEFAULT_RECIPES.find((r) => r.id === id);
  if (!found) throw new Error(`no recipe ${id}`);
  return found;
}

function millilitresOf(r: Recipe, labelStart: string): number {
  const input = r.inputs.find((i) => i.label.startsWith(labelStart));
  if (input?.unit !== 'mL') throw new Error(`no mL input ${labelStart}`);
  return input.quantityPerUnit;
}

describe('DEFAULT_RECIPES', () => {
  it('covers hand rub, health booklets, de-icing salt and work gloves with unique ids', () => {
    expect(DEFAULT_RECIPES.map((r) => r.productCpvCode).sort()).toEqual(['18141000', '22458000', '33741300', '34927100']);
    expect(new Set(DEFAULT_RECIPES.map((r) => r.id)).size).toBe(DEFAULT_RECIPES.length);
  });

  it('uses CPV 2008 codes, known units, positive quantities and vocabulary competences', () => {
    const vocabulary = new Set(DEFAULT_COMPETENCES.map((c) => c.code));
    for (const r of DEFAULT_RECIPES) {
      expect(checkCpv(r.productCpvCode).ok, r.productCpvCode).toBe(true);
      expect(isUnitCode(r.unit)).toBe(true);
      expect(r.provenance.length).toBeGreaterThan(20);
      for (const input of r.inputs) {
        if (input.cpvCode !== null) expect(checkCpv(input.cpvCode).ok, input.cpvCode).toBe(true);
        expect(isUnitCode(input.unit)).toBe(true);
        expect(input.quantityPerUnit).toBeGreaterThan(0);
      }
      for (const { code, weight } of r.competences) {
        expect(vocabulary.has(code), code).toBe(true);
        expect(weight).toBeGreaterThan(0);
      }
    }
  });

  describe('WHO hand rub (formulation 1)', () => {
    const handRub = recipe('recipe-hand-rub-who-1');

    // WHO gives 8 333 / 417 / 145 mL for a 10 L batch: one litre is a tenth of it.
    it.each([
      ['Éthanol 96', 8333 / 10],
      ["Peroxyde d'hydrogène 3", 417 / 10],
      ['Glycérol 98', 145 / 10],
    ])('uses a tenth of the 10 L batch of %s per litre', (label, perLitre) => {
      expect(millilitresOf(handRub, label)).toBeCloseTo(perLitre, 6);
    });

    it('tops up to one litre with water', () => {
      const total = handRub.inputs.filter((i) => i.unit === 'mL').reduce((sum, i) => sum + i.quantityPerUnit, 0);
      expect(total).toBeCloseTo(1000, 6);
      expect(millilitresOf(handRub, 'Eau')).toBeCloseTo(110.5, 6);
    });

    // Final concentrations stated by WHO: ethanol 80 % v/v, H2O2 0.125 % v/v, glycerol 1.45 % v/v.
    it('yields 80 % v/v ethanol and 0.125 % v/v hydrogen peroxide', () => {
      expect((millilitresOf(handRub, 'Éthanol 96') * 0.96) / 1000).toBeCloseTo(0.8, 4);
      expect((millilitresOf(handRub, "Peroxyde d'hydrogène 3") * 0.03) / 1000).toBeCloseTo(0.00125, 5);
      expect(millilitresOf(handRub, 'Glycérol 98') / 1000).toBeCloseTo(0.0145, 6);
    });

    it('fills two 500 mL bottles per litre and cites the WHO guide', () => {
      expect(handRub.inputs.find((i) => i.cpvCode === '39225730')?.quantityPerUnit).toBe(2);
      expect(handRub.provenance).toContain(
        'OMS, Guide de production locale des formulations recommandées pour la friction hydro-alcoolique des mains, 2010',
      );
    });
  });
});
