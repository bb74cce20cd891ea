import { UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';
import { cpvSchema, labelSchema, unitSchema } from './fields';

const recipeInputSchema = z.object({
  cpvCode: z.string().nullable(),
  label: z.string(),
  quantityPerUnit: z.number(),
  unit: z.enum(UNIT_CODES),
});

/** A recipe of the territory: shipped (maybe edited there) or its own. */
export const recipeSchema = z
  .object({
    id: z.string(),
    productCpvCode: z.string(),
    label: z.string(),
    unit: z.enum(UNIT_CODES),
    inputs: z.array(recipeInputSchema),
    competences: z.array(z.object({ code: z.string(), weight: z.number() })),
    provenance: z.string(),
    isShipped: z.boolean(),
    isEdited: z.boolean(),
  })
  .meta({ id: 'Recipe' });
export type RecipeDto = z.infer<typeof recipeSchema>;
export const recipeListSchema = z.object({ items: z.array(recipeSchema) });

export const recipeBodySchema = z.strictObject({
  productCpvCode: cpvSchema,
  label: labelSchema,
  unit: unitSchema,
  inputs: z
    .array(
      z.strictObject({
        cpvCode: cpvSchema.nullable(),
        label: labelSchema,
        quantityPerUnit: z.number({ error: 'Quantité par unité attendue.' }).positive('La quantité par unité est positive.'),
        unit: unitSchema,
      }),
    )
    .max(50, '50 intrants au plus.'),
  competences: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(64),
        weight: z.number({ error: 'Poids attendu.' }).positive('Le poids est positif.').max(100, 'Poids de 100 au plus.'),
      }),
    )
    .min(1, 'Au moins une compétence.')
    .max(50, '50 compétences au plus.'),
  provenance: z.string().trim().min(1, 'Indiquez la source de la recette.').max(2000),
});
export type RecipeBody = z.input<typeof recipeBodySchema>;
export const recipeParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/), id: z.string().min(1).max(100) });
