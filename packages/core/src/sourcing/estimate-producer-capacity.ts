import { isCpvUnder } from '../cpv/cpv-code';
import type { SupplierProduct } from '../domain/types';
import type { UnitCode } from '../units/units';
import { convertQuantity } from './convert-quantity';
import type { SourcingRecipe } from './types';

/** A potential producer's annual capacity for a recipe's product, and the product line it is read from. */
export interface ProducerCapacity {
  quantity: number;
  line: { label: string; isRecipeInput: boolean };
}

const related = (a: string, b: string) => isCpvUnder(a, b) || isCpvUnder(b, a);

/**
 * Annual quantity of a recipe's product a firm could make, in `unit`: its own lines that are inputs
 * of the recipe bind (30 000 t of haulage at 1 t per tonne of salt → 30 000 t of delivered salt);
 * without one, its largest line that converts to `unit` (a 6 000 L polish line could fill 6 000 L of
 * gel). Null when no line compares.
 */
export function estimateProducerCapacity({
  products,
  recipe,
  unit,
}: {
  products: readonly SupplierProduct[];
  recipe: Pick<SourcingRecipe, 'inputs' | 'unit'>;
  unit: UnitCode;
}): ProducerCapacity | null {
  const recipeUnit = recipe.unit ?? unit;
  const inputLines = products.flatMap((p) =>
    recipe.inputs.flatMap((input) => {
      if (input.cpvCode === null || input.quantityPerUnit <= 0 || !related(p.cpvCode, input.cpvCode)) return [];
      const ofInput = convertQuantity(p.annualCapacity, p.unit, input.unit);
      const quantity = ofInput === null ? null : convertQuantity(ofInput / input.quantityPerUnit, recipeUnit, unit);
      return quantity === null ? [] : [{ quantity, line: { label: p.label, isRecipeInput: true } }];
    }),
  );
  if (inputLines.length > 0) return inputLines.reduce((a, b) => (b.quantity < a.quantity ? b : a));
  const lines = products.flatMap((p) => {
    const quantity = convertQuantity(p.annualCapacity, p.unit, unit);
    return quantity === null ? [] : [{ quantity, line: { label: p.label, isRecipeInput: false } }];
  });
  return lines.length > 0 ? lines.reduce((a, b) => (b.quantity > a.quantity ? b : a)) : null;
}
