import type { UnitCode } from '../units/units';

/** One input of a recipe: a CPV-coded product or a plain material, per produced unit. */
export interface RecipeInput {
  /** CPV 2008 code (8 digits) when the input is bought as such; null for a material named by its label only. */
  cpvCode: string | null;
  label: string;
  /** Quantity of this input for one unit of the product, in `unit`. */
  quantityPerUnit: number;
  unit: UnitCode;
}

/** A competence a producer needs, with its weight in the coverage score (algorithms.md §6). */
export interface RecipeCompetence {
  code: string;
  weight: number;
}

/** How a product is made locally: inputs per unit and the competences it requires. */
export interface Recipe {
  id: string;
  /** CPV code of the product the recipe makes. */
  productCpvCode: string;
  label: string;
  /** The unit of product the input quantities refer to (per litre, per tonne, per pair). */
  unit: UnitCode;
  inputs: RecipeInput[];
  competences: RecipeCompetence[];
  /** Where the formulation and quantities come from. */
  provenance: string;
}
