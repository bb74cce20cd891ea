import { z } from 'zod';
import { emailSchema, linkDeliverySchema, personNameSchema } from './accounts';
import { inseeCodeSchema, siretSchema } from './fields';

/** A firm asks for an account from the public forecast page. */
export const accountRequestCreateSchema = z.strictObject({
  siret: siretSchema,
  organizationName: z
    .string({ error: 'Raison sociale attendue.' })
    .trim()
    .min(2, 'Raison sociale trop courte.')
    .max(200, 'Raison sociale trop longue.'),
  inseeCode: inseeCodeSchema,
  contactName: personNameSchema,
  email: emailSchema,
  phone: z
    .string()
    .trim()
    .max(30, 'Numéro trop long.')
    .regex(/^[+0-9 ().-]*$/, 'Numéro de téléphone : chiffres, espaces, +, points ou tirets.')
    .optional(),
  message: z.string().trim().max(2000, 'Message trop long (2000 caractères au plus).').optional(),
});
export type AccountRequestCreate = z.input<typeof accountRequestCreateSchema>;

export const accountRequestReceivedSchema = z.object({ message: z.string() });

export const accountRequestSchema = z
  .object({
    id: z.string(),
    siret: z.string(),
    organizationName: z.string(),
    inseeCode: z.string(),
    communeName: z.string().nullable(),
    contactName: z.string(),
    email: z.string(),
    phone: z.string(),
    message: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string(),
    organizationId: z.string().nullable(),
    /** An organization with this SIRET already exists (the approval then reuses it). */
    existingOrganizationName: z.string().nullable(),
  })
  .meta({ id: 'AccountRequest' });
export type AccountRequestDto = z.infer<typeof accountRequestSchema>;

export const accountRequestListSchema = z.object({ items: z.array(accountRequestSchema) });

export const accountRequestDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject'], { error: 'Décision attendue : approve ou reject.' }),
  note: z.string().trim().max(1000, 'Note trop longue (1000 caractères au plus).').optional(),
});
export type AccountRequestDecisionBody = z.input<typeof accountRequestDecisionSchema>;

export const accountRequestDecisionResultSchema = z.object({
  request: accountRequestSchema,
  /** The invitation link of the firm's new account (approval only). */
  link: linkDeliverySchema.nullable(),
});
export type AccountRequestDecisionResult = z.infer<typeof accountRequestDecisionResultSchema>;

export const accountRequestParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/), id: z.string().min(1).max(64) });
