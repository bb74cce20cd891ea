import type { ApiIssue } from '../api/types';
import type { FieldErrors } from '../api/field-errors';
import { normalizeCpvCode } from '../needs/need-form-values';
import type { UnitCode } from '../reference/units';
import type { Recipe, RecipeBody } from './recipe-types';

/** One row of the inputs table: a CPV code (optional: a material may have none), what it is, how much per unit. */
export interface RecipeInputRow {
  /** React key of the row; never sent. */
  key: string;
  cpvCode: string;
  label: string;
  quantityPerUnit: number | null;
  unit: UnitCode;
}

/** One required competence of the vocabulary and its weight in the coverage of a firm. */
export interface RecipeCompetenceRow {
  key: string;
  code: string | null;
  weight: number | null;
}

export interface RecipeFormValues {
  productCpvCode: string;
  label: string;
  unit: UnitCode | null;
  inputs: RecipeInputRow[];
  competences: RecipeCompetenceRow[];
  provenance: string;
}

/**
 * Where an error is shown: a field of the form (`provenance`) or a cell of a row
 * (`inputs.2.quantityPerUnit`, `competences.0.code`), as the API names it.
 */
export type RecipeFieldKey = string;
export type RecipeFieldErrors = FieldErrors<RecipeFieldKey>;

let rowCount = 0;
const nextRowKey = () => {
  rowCount += 1;
  return `row-${rowCount}`;
};

export function emptyInputRow(): RecipeInputRow {
  return { key: nextRowKey(), cpvCode: '', label: '', quantityPerUnit: null, unit: 'unit' };
}

/** A new competence row; the default weight 1 is the lowest the shipped recipes use. */
export function emptyCompetenceRow(): RecipeCompetenceRow {
  return { key: nextRowKey(), code: null, weight: 1 };
}

export function emptyRecipeForm(): RecipeFormValues {
  return { productCpvCode: '', label: '', unit: null, inputs: [emptyInputRow()], competences: [emptyCompetenceRow()], provenance: '' };
}

export function recipeToForm(recipe: Recipe): RecipeFormValues {
  return {
    productCpvCode: recipe.productCpvCode,
    label: recipe.label,
    unit: recipe.unit,
    inputs: recipe.inputs.map((input) => ({
      key: nextRowKey(),
      cpvCode: input.cpvCode ?? '',
      label: input.label,
      quantityPerUnit: input.quantityPerUnit,
      unit: input.unit,
    })),
    competences: recipe.competences.map((c) => ({ key: nextRowKey(), code: c.code, weight: c.weight })),
    provenance: recipe.provenance,
  };
}

/** Issues of the form that can be found before asking the server: empty choices and numbers, a competence chosen twice. */
export function localRecipeIssues(values: RecipeFormValues): Partial<Record<RecipeFieldKey, string>> {
  const issues: Partial<Record<RecipeFieldKey, string>> = {};
  if (values.unit === null) issues.unit = 'Choisissez l’unité du produit.';
  values.inputs.forEach((input, index) => {
    if (input.quantityPerUnit === null) issues[`inputs.${index}.quantityPerUnit`] = 'Quantité attendue.';
  });
  values.competences.forEach((row, index) => {
    if (row.code === null) issues[`competences.${index}.code`] = 'Choisissez une compétence.';
    else if (values.competences.findIndex((other) => other.code === row.code) < index)
      issues[`competences.${index}.code`] = 'Compétence déjà choisie plus haut.';
    if (row.weight === null) issues[`competences.${index}.weight`] = 'Poids attendu.';
  });
  return issues;
}

/** The body the API validates (its rules give the other field errors); null while `localRecipeIssues` finds something. */
export function recipeBodyFromForm(values: RecipeFormValues): RecipeBody | null {
  const { unit } = values;
  if (unit === null || Object.keys(localRecipeIssues(values)).length > 0) return null;
  return {
    productCpvCode: normalizeCpvCode(values.productCpvCode),
    label: values.label,
    unit,
    inputs: values.inputs.map((input) => ({
      cpvCode: input.cpvCode.trim() === '' ? null : normalizeCpvCode(input.cpvCode),
      label: input.label,
      quantityPerUnit: input.quantityPerUnit ?? 0,
      unit: input.unit,
    })),
    competences: values.competences.map((row) => ({ code: row.code ?? '', weight: row.weight ?? 0 })),
    provenance: values.provenance,
  };
}

const FORM_FIELDS: ReadonlySet<string> = new Set(['productCpvCode', 'label', 'unit', 'inputs', 'competences', 'provenance']);
const ROW_CELLS: Readonly<Record<string, ReadonlySet<string>>> = {
  inputs: new Set(['cpvCode', 'label', 'quantityPerUnit', 'unit']),
  competences: new Set(['code', 'weight']),
};

/** Where the form shows an API issue: the row's cell it names, else the form field, else null (above the buttons). */
export function recipeFieldForApiField(apiField: string): RecipeFieldKey | null {
  const [head = '', row, cell] = apiField.split('.');
  if (row !== undefined && /^\d+$/.test(row) && cell !== undefined && ROW_CELLS[head]?.has(cell)) return `${head}.${row}.${cell}`;
  return FORM_FIELDS.has(head) ? head : null;
}

/** Spreads the server's issues over the form: first reason per field or cell, the rest above the buttons. */
export function recipeFieldErrors(issues: ApiIssue[]): RecipeFieldErrors {
  const byField: Partial<Record<RecipeFieldKey, string>> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = recipeFieldForApiField(issue.field);
    if (field === null) general.push(issue.field ? `${issue.field} : ${issue.reason}` : issue.reason);
    else if (byField[field] === undefined) byField[field] = issue.reason;
  }
  return { byField, general };
}

/** The errors left once a field is edited; editing a row clears its cells and the list's own error. */
export function clearFieldErrors(errors: RecipeFieldErrors, prefix: string): RecipeFieldErrors {
  const byField = Object.fromEntries(Object.entries(errors.byField).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`)));
  return { ...errors, byField };
}

export type RecipeOrigin = 'shipped' | 'edited' | 'territory';

/** Shipped with Mutualis as is, shipped then edited for this territory, or the territory's own. */
export function recipeOrigin(recipe: Pick<Recipe, 'isShipped' | 'isEdited'>): RecipeOrigin {
  if (!recipe.isShipped) return 'territory';
  return recipe.isEdited ? 'edited' : 'shipped';
}
