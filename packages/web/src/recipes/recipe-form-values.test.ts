import { describe, expect, test } from 'vitest';
import {
  clearFieldErrors,
  emptyCompetenceRow,
  emptyInputRow,
  emptyRecipeForm,
  localRecipeIssues,
  type RecipeFormValues,
  recipeBodyFromForm,
  recipeFieldErrors,
  recipeFieldForApiField,
  recipeOrigin,
  recipeToForm,
} from './recipe-form-values';
import type { Recipe } from './recipe-types';

function buildRecipe(overrides: Partial<Recipe> = {}): Recipe {
  return {
    id: 'recipe-test',
    productCpvCode: '33741300',
    label: 'Gel',
    unit: 'L',
    inputs: [
      { cpvCode: '24322510', label: 'Éthanol', quantityPerUnit: 833.3, unit: 'mL' },
      { cpvCode: null, label: 'Eau', quantityPerUnit: 110.5, unit: 'mL' },
    ],
    competences: [{ code: 'melange-cuves', weight: 2 }],
    provenance: 'OMS 2010',
    isShipped: false,
    isEdited: false,
    ...overrides,
  };
}

function buildForm(overrides: Partial<RecipeFormValues> = {}): RecipeFormValues {
  return { ...recipeToForm(buildRecipe()), ...overrides };
}

describe('recipeToForm and recipeBodyFromForm', () => {
  test('give back the recipe’s fields, a material without CPV as null', () => {
    const { id: _id, isShipped: _s, isEdited: _e, ...fields } = buildRecipe();
    expect(recipeBodyFromForm(recipeToForm(buildRecipe()))).toEqual(fields);
  });

  test('drop the check digit and spaces of typed CPV codes, and send a blank input code as null', () => {
    const form = buildForm({
      productCpvCode: '33741300-0',
      inputs: [
        { ...emptyInputRow(), cpvCode: ' 2432 2510 ', label: 'Éthanol', quantityPerUnit: 1 },
        { ...emptyInputRow(), cpvCode: '  ', label: 'Eau', quantityPerUnit: 2 },
      ],
    });
    const body = recipeBodyFromForm(form);
    expect(body?.productCpvCode).toBe('33741300');
    expect(body?.inputs.map((i) => i.cpvCode)).toEqual(['24322510', null]);
  });

  test('give each row a distinct React key', () => {
    const keys = [...recipeToForm(buildRecipe()).inputs, emptyInputRow(), emptyCompetenceRow()].map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('localRecipeIssues', () => {
  test('names each empty quantity, competence and weight by its row, and the missing unit', () => {
    const form = buildForm({
      unit: null,
      inputs: [
        { ...emptyInputRow(), label: 'Éthanol', quantityPerUnit: 1 },
        { ...emptyInputRow(), label: 'Eau' },
      ],
      competences: [
        { ...emptyCompetenceRow(), code: 'melange-cuves' },
        { ...emptyCompetenceRow(), weight: null },
      ],
    });
    expect(localRecipeIssues(form)).toEqual({
      unit: 'Choisissez l’unité du produit.',
      'inputs.1.quantityPerUnit': 'Quantité attendue.',
      'competences.1.code': 'Choisissez une compétence.',
      'competences.1.weight': 'Poids attendu.',
    });
    expect(recipeBodyFromForm(form)).toBeNull();
  });

  test('flags the second row of a competence chosen twice, not the first', () => {
    const twice = { ...emptyCompetenceRow(), code: 'etiquetage' };
    const form = buildForm({ competences: [twice, { ...twice, key: 'other' }] });
    expect(localRecipeIssues(form)).toEqual({ 'competences.1.code': 'Compétence déjà choisie plus haut.' });
  });

  test('finds nothing on a complete form, and leaves empty texts to the server', () => {
    expect(localRecipeIssues(buildForm({ provenance: '', label: '' }))).toEqual({});
    expect(localRecipeIssues({ ...emptyRecipeForm(), unit: 'L', competences: [] })).toEqual({
      'inputs.0.quantityPerUnit': 'Quantité attendue.',
    });
  });
});

describe('recipeFieldForApiField', () => {
  test.each([
    ['provenance', 'provenance'],
    ['productCpvCode', 'productCpvCode'],
    ['inputs.2.quantityPerUnit', 'inputs.2.quantityPerUnit'],
    ['competences.0.code', 'competences.0.code'],
    ['competences', 'competences'],
    // An unknown cell of a row falls back to the list as a whole.
    ['inputs.1.colour', 'inputs'],
    ['id', null],
    ['', null],
  ])('%s → %s', (apiField, expected) => {
    expect(recipeFieldForApiField(apiField)).toBe(expected);
  });
});

describe('recipeFieldErrors', () => {
  test('keeps the first reason per field and puts unknown fields above the buttons', () => {
    const errors = recipeFieldErrors([
      { field: 'provenance', reason: 'Indiquez la source de la recette.' },
      { field: 'provenance', reason: 'second' },
      { field: 'inputs.0.cpvCode', reason: 'Code CPV inconnu.' },
      { field: 'extra', reason: 'Champ inattendu.' },
    ]);
    expect(errors).toEqual({
      byField: { provenance: 'Indiquez la source de la recette.', 'inputs.0.cpvCode': 'Code CPV inconnu.' },
      general: ['extra : Champ inattendu.'],
    });
  });
});

describe('clearFieldErrors', () => {
  test('clears a field and the cells below it, not a field whose name only starts alike', () => {
    const errors = { byField: { inputs: 'a', 'inputs.0.label': 'b', 'inputs.1.label': 'c', label: 'd' }, general: ['g'] };
    expect(clearFieldErrors(errors, 'inputs')).toEqual({ byField: { label: 'd' }, general: ['g'] });
    expect(clearFieldErrors(errors, 'inputs.0')).toEqual({ byField: { inputs: 'a', 'inputs.1.label': 'c', label: 'd' }, general: ['g'] });
  });
});

describe('recipeOrigin', () => {
  test.each([
    [{ isShipped: true, isEdited: false }, 'shipped'],
    [{ isShipped: true, isEdited: true }, 'edited'],
    [{ isShipped: false, isEdited: false }, 'territory'],
  ] as const)('%o → %s', (flags, expected) => {
    expect(recipeOrigin(flags)).toBe(expected);
  });
});
