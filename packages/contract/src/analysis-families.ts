import { MAX_ELASTICITY } from '@mutualis/core';
import { z } from 'zod';
import { cpvSchema, labelSchema } from './fields';

/** Purchase families: shipped with Mutualis (`territoryId: null`, read-only) or defined by a territory's facilitator. */
export const purchaseFamilySchema = z
  .object({
    id: z.string(),
    territoryId: z.string().nullable(),
    name: z.string(),
    cpvCodes: z.array(z.string()),
    keywords: z.array(z.string()),
    elasticity: z.object({ low: z.number(), central: z.number(), high: z.number(), provenance: z.string() }),
    /** Shipped families can be neither edited nor deleted. */
    isShipped: z.boolean(),
  })
  .meta({ id: 'PurchaseFamily' });
export type PurchaseFamilyDto = z.infer<typeof purchaseFamilySchema>;

export const purchaseFamilyListSchema = z.object({ items: z.array(purchaseFamilySchema) });

const elasticityValue = z
  .number({ error: 'Élasticité attendue : un nombre.' })
  .min(0, 'Une élasticité ne peut pas être négative.')
  .max(MAX_ELASTICITY, `Élasticité plafonnée à ${MAX_ELASTICITY} (plafond de modélisation).`);

/** Volume elasticity b with its provenance; low ≤ central ≤ high (the error names the field out of order). */
export const elasticityInputSchema = z
  .strictObject({
    low: elasticityValue,
    central: elasticityValue,
    high: elasticityValue,
    provenance: z
      .string()
      .trim()
      .min(1, 'Indiquez la source ou l’hypothèse de ces valeurs.')
      .max(2000, 'Texte trop long (2000 caractères au plus).'),
  })
  .superRefine((e, ctx) => {
    if (e.central < e.low) ctx.addIssue({ code: 'custom', path: ['central'], message: 'La valeur centrale doit être ≥ la valeur basse.' });
    if (e.high < e.central) ctx.addIssue({ code: 'custom', path: ['high'], message: 'La valeur haute doit être ≥ la valeur centrale.' });
  });

const familyFields = {
  name: labelSchema,
  cpvCodes: z.array(cpvSchema).min(1, 'Au moins un code CPV.').max(200, '200 codes CPV au plus.'),
  keywords: z
    .array(z.string().trim().toLowerCase().min(1, 'Mot-clé vide.').max(100, 'Mot-clé trop long (100 caractères au plus).'))
    .max(50, '50 mots-clés au plus.'),
  elasticity: elasticityInputSchema,
};

export const purchaseFamilyCreateSchema = z.strictObject(familyFields).partial({ keywords: true });
export type PurchaseFamilyCreate = z.input<typeof purchaseFamilyCreateSchema>;

export const purchaseFamilyPatchSchema = z.strictObject(familyFields).partial();
export type PurchaseFamilyPatchBody = z.input<typeof purchaseFamilyPatchSchema>;

export const familyParamsSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Identifiant de territoire invalide.'),
  id: z.string().min(1).max(64),
});

/** Coordinator board: per opportunity the proposed coordinator (or the facilitator's override) and each member's workload. */
export const coordinatorBoardSchema = z
  .object({
    now: z.string(),
    /** `optimal` when the exact search finished. */
    status: z.enum(['optimal', 'node_limit']),
    items: z.array(
      z.object({
        opportunityId: z.string(),
        family: z.object({ key: z.string(), label: z.string() }),
        cell: z.object({ code: z.string(), label: z.string() }),
        procedureKind: z.string(),
        coordinator: z.object({ organizationId: z.string(), siret: z.string(), name: z.string() }),
        isOverride: z.boolean(),
        members: z.array(z.object({ organizationId: z.string(), name: z.string(), load: z.number() })),
      }),
    ),
    workloads: z.array(
      z.object({ organizationId: z.string(), siret: z.string(), name: z.string(), load: z.number(), coordinatedCount: z.number() }),
    ),
    overrides: z.array(
      z.object({
        familyKey: z.string(),
        cellKey: z.string().nullable(),
        organizationId: z.string(),
        /** False when the organization is no longer a member of any matching opportunity (kept, not applied). */
        isApplied: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CoordinatorBoard' });
export type CoordinatorBoardDto = z.infer<typeof coordinatorBoardSchema>;

/** Stores (`organizationId`) or clears (`null`) the coordinator imposed for a family, in one cell or in all. */
export const coordinatorOverrideBodySchema = z.strictObject({
  familyKey: z.string().trim().min(1, 'Famille manquante.').max(200),
  cellKey: z.string().trim().min(1).max(200).nullable().optional(),
  organizationId: z.string().trim().min(1).max(64).nullable(),
});
export type CoordinatorOverrideBody = z.input<typeof coordinatorOverrideBodySchema>;
