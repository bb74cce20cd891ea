import { describe, expect, it } from 'vitest';
import { estimateProducerCapacity } from './estimate-producer-capacity';

const salt = {
  unit: 't' as const,
  inputs: [
    { cpvCode: '14410000', label: 'Sel gemme', quantityPerUnit: 1, unit: 't' as const },
    { cpvCode: '60100000', label: 'Transport routier', quantityPerUnit: 1, unit: 't' as const },
  ],
};

describe('estimateProducerCapacity', () => {
  it('reads a haulier’s capacity on its haulage line, an input of the recipe, in the asked unit', () => {
    // 30 000 t of haulage at 1 t per tonne of salt = 30 000 t = 30 000 000 kg; the 50 000 t gravel line is no input.
    const products = [
      { cpvCode: '14212000', label: 'Granulats', annualCapacity: 50_000, unit: 't' as const },
      { cpvCode: '60100000', label: 'Transport de vrac', annualCapacity: 30_000, unit: 't' as const },
    ];
    expect(estimateProducerCapacity({ products, recipe: salt, unit: 'kg' })).toEqual({
      quantity: 30_000_000,
      line: { label: 'Transport de vrac', isRecipeInput: true },
    });
  });

  it('takes the binding input line when the firm makes several inputs', () => {
    // Salt 10 000 t and haulage 30 000 t, 1 t each per tonne: 10 000 t binds.
    const products = [
      { cpvCode: '60100000', label: 'Transport', annualCapacity: 30_000, unit: 't' as const },
      { cpvCode: '14410000', label: 'Sel gemme', annualCapacity: 10_000, unit: 't' as const },
    ];
    expect(estimateProducerCapacity({ products, recipe: salt, unit: 't' })?.quantity).toBe(10_000);
  });

  it('falls back to the largest line that converts, and to null when none does', () => {
    const gel = { unit: 'L' as const, inputs: [{ cpvCode: '24322510', label: 'Éthanol', quantityPerUnit: 833.3, unit: 'mL' as const }] };
    const polish = [
      { cpvCode: '39812000', label: 'Cirage liquide', annualCapacity: 6000, unit: 'L' as const },
      { cpvCode: '39812100', label: 'Cire', annualCapacity: 9, unit: 'm3' as const },
    ];
    // 9 m³ = 9 000 L is the largest line in litres.
    expect(estimateProducerCapacity({ products: polish, recipe: gel, unit: 'L' })).toEqual({
      quantity: 9000,
      line: { label: 'Cire', isRecipeInput: false },
    });
    expect(
      estimateProducerCapacity({
        products: [{ cpvCode: '39812000', label: 'x', annualCapacity: 5, unit: 'unit' }],
        recipe: gel,
        unit: 'L',
      }),
    ).toBeNull();
  });
});
