import { ORGANIZATION_KINDS } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import { departementCodeSchema, frenchEnum, idSchema, inseeCodeSchema, searchTextSchema, siretSchema } from './fields';

export const organizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    siret: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    inseeCode: z.string(),
    departementCode: z.string(),
    regionCode: z.string(),
    epciSiren: z.string().nullable(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'Organization' });
export type OrganizationDto = z.infer<typeof organizationSchema>;

const nameSchema = z
  .string({ error: 'Nom attendu.' })
  .trim()
  .min(1, 'Le nom ne peut pas être vide.')
  .max(200, 'Nom trop long (200 caractères au plus).');
const kindSchema = frenchEnum(ORGANIZATION_KINDS, 'Type d’organisation');

/** Creation: the organization joins the territory `territory` (slug); geography derives from the INSEE code. */
export const organizationCreateSchema = z.strictObject({
  territory: z.string({ error: 'Territoire attendu (identifiant court, ex. alsace).' }).min(1, 'Territoire attendu.'),
  name: nameSchema,
  siret: siretSchema,
  kind: kindSchema,
  inseeCode: inseeCodeSchema,
});
export type OrganizationCreate = z.input<typeof organizationCreateSchema>;

export const organizationPatchSchema = z
  .strictObject({ name: nameSchema, siret: siretSchema, kind: kindSchema, inseeCode: inseeCodeSchema })
  .partial();
export type OrganizationPatch = z.input<typeof organizationPatchSchema>;

export const organizationListQuerySchema = paginationQuerySchema.extend({
  territory: z.string().optional(),
  kind: kindSchema.optional(),
  departement: departementCodeSchema.optional(),
  q: searchTextSchema.optional(),
});
export type OrganizationListQuery = z.input<typeof organizationListQuerySchema>;

export { idSchema as organizationIdSchema };
