import { NEED_CONFIDENCES, NEED_SOURCES, NEED_STATUSES, UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import {
  centsSchema,
  cpvPrefixSchema,
  cpvSchema,
  departementCodeSchema,
  frenchEnum,
  idSchema,
  inseeCodeSchema,
  labelSchema,
  quantitySchema,
  searchTextSchema,
  unitSchema,
} from './fields';

/**
 * A need as answered by the API. `unitPriceCents` is null and `annualAmountCents` null when the
 * caller may not see another organization's prices (`pricesHidden` says so).
 */
export const needSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    cpvCode: z.string(),
    label: z.string(),
    quantity: z.number().nullable(),
    unit: z.enum(UNIT_CODES).nullable(),
    unitsPerPack: z.number().nullable(),
    unitPriceCents: z.number().nullable(),
    annualAmountCents: z.number().nullable(),
    amountIsDerived: z.boolean(),
    deliveryCommunes: z.array(z.string()),
    csrRequirements: z.array(z.string()),
    qualityRequirements: z.string(),
    confidence: z.enum(NEED_CONFIDENCES),
    status: z.enum(NEED_STATUSES),
    source: z.enum(NEED_SOURCES),
    sourceRef: z.string().nullable(),
    pricesHidden: z.boolean(),
  })
  .meta({ id: 'Need' });
export type NeedDto = z.infer<typeof needSchema>;

const needFields = {
  cpvCode: cpvSchema,
  label: labelSchema,
  quantity: quantitySchema.nullable(),
  unit: unitSchema.nullable(),
  unitsPerPack: z
    .number()
    .int('Nombre entier d’unités par conditionnement attendu.')
    .positive('Au moins une unité par conditionnement.')
    .nullable(),
  unitPriceCents: centsSchema.nullable(),
  /** When omitted or null, derived as quantity × unit price. */
  annualAmountCents: centsSchema.nullable(),
  deliveryCommunes: z.array(inseeCodeSchema).max(500, '500 communes de livraison au plus.'),
  csrRequirements: z.array(z.string().trim().min(1).max(200)).max(50, '50 exigences RSE au plus.'),
  qualityRequirements: z.string().max(4000, 'Texte trop long (4000 caractères au plus).'),
  confidence: frenchEnum(NEED_CONFIDENCES, 'Niveau de certitude'),
  status: frenchEnum(NEED_STATUSES, 'Statut'),
};

/** Creation: organization, CPV and label are required; the rest has defaults (see the server). */
export const needCreateSchema = z
  .strictObject({ organizationId: idSchema, ...needFields })
  .partial()
  .required({
    organizationId: true,
    cpvCode: true,
    label: true,
  });
export type NeedCreate = z.input<typeof needCreateSchema>;
export type NeedCreateParsed = z.output<typeof needCreateSchema>;

/** Update: any field but the organization, which never changes (no moving a need to another buyer). */
export const needPatchSchema = z.strictObject(needFields).partial();
export type NeedPatch = z.input<typeof needPatchSchema>;
export type NeedPatchParsed = z.output<typeof needPatchSchema>;

export const needListQuerySchema = paginationQuerySchema.extend({
  territory: z.string().optional(),
  organization: z.string().optional(),
  cpv: cpvPrefixSchema.optional(),
  departement: departementCodeSchema.optional(),
  status: frenchEnum(NEED_STATUSES, 'Statut').optional(),
  q: searchTextSchema.optional(),
});
export type NeedListQuery = z.input<typeof needListQuerySchema>;
