import { ORGANIZATION_KINDS } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import { searchTextSchema } from './fields';

const BUYER_IDENTITY_STATUSES = ['legal_unit', 'unit_of_legal_unit', 'unknown_legal_unit', 'kept'] as const;

/** One buyer of a territory whose name the product resolved (issue 15 §4): as shown, as published, and why. */
export const buyerNameSchema = z
  .object({
    organizationId: z.string(),
    siret: z.string(),
    /** The name shown everywhere (coordinators, members, exports). */
    name: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    /** `legal_unit`: a legal unit's name; `unit_of_legal_unit`: a budget or service shown after its legal unit's; `unknown_legal_unit`: a budget or service whose legal unit no source names; `kept`: nothing to go on. */
    status: z.enum(BUYER_IDENTITY_STATUSES),
    /** A guessed repair, an illegible character or an unknown legal unit, not yet checked. */
    isToReview: z.boolean(),
    /** The names its SIRET published in the DECP, most used first. */
    publishedNames: z.array(z.object({ name: z.string(), count: z.number().int() })),
    /** Why it bears this name, kind and commune, in French, one sentence a line. */
    explanation: z.array(z.string()),
  })
  .meta({ id: 'BuyerName' });
export type BuyerNameDto = z.infer<typeof buyerNameSchema>;

export const buyerNamePageSchema = z.object({
  items: z.array(buyerNameSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Buyers of the territory to review, and by status, whatever the filter. */
  toReview: z.number().int(),
  byStatus: z.record(z.enum(BUYER_IDENTITY_STATUSES), z.number().int()),
});
export type BuyerNamePage = z.infer<typeof buyerNamePageSchema>;

export const buyerNameQuerySchema = paginationQuerySchema.extend({
  /** `true`: only the names to review. */
  toReview: z.enum(['true', 'false'], { error: 'toReview vaut true ou false.' }).optional(),
  q: searchTextSchema.optional(),
});
export type BuyerNameQuery = z.input<typeof buyerNameQuerySchema>;

/** The facilitator confirms the name as it stands (no body field) or corrects it (`name`). */
export const buyerNameReviewSchema = z.strictObject({
  name: z
    .string({ error: 'Nom attendu.' })
    .trim()
    .min(1, 'Le nom ne peut pas être vide.')
    .max(200, 'Nom trop long (200 caractères au plus).')
    .optional(),
});
export type BuyerNameReviewBody = z.input<typeof buyerNameReviewSchema>;
