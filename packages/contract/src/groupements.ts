import { GROUPEMENT_STATUSES, MANDATE_SCOPES, ORGANIZATION_KINDS } from '@mutualis/core';
import { z } from 'zod';
import { frenchEnum, idSchema, isoDateSchema, labelSchema } from './fields';

/** A member of a groupement with what the screens show of it. */
export const groupementMemberSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  siret: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  isCoordinator: z.boolean(),
});

export const groupementSchema = z
  .object({
    id: z.string(),
    territoryId: z.string(),
    name: z.string(),
    /** Id of the purchase family, or the CPV family key (`cpv:<level>:<code>`) of the opportunity. */
    familyId: z.string(),
    familyName: z.string(),
    cpvCodes: z.array(z.string()),
    members: z.array(groupementMemberSchema),
    coordinatorIds: z.array(z.string()),
    mandateScope: z.enum(MANDATE_SCOPES),
    status: z.enum(GROUPEMENT_STATUSES),
    isPermanent: z.boolean(),
  })
  .meta({ id: 'Groupement' });
export type GroupementDto = z.infer<typeof groupementSchema>;

export const groupementListSchema = z.object({ items: z.array(groupementSchema) });
export type GroupementList = z.infer<typeof groupementListSchema>;

const coordinatorIdsSchema = z.array(idSchema).min(1, 'Au moins un coordonnateur.').max(20, '20 coordonnateurs au plus.');

/** Creation from an opportunity of the analysis: its members join; the proposed coordinator coordinates by default. */
export const groupementCreateSchema = z.strictObject({
  opportunityId: z.string().trim().min(1, 'Choisissez une opportunité.').max(300),
  /** Date of the analysis the opportunity comes from (default: today). */
  at: isoDateSchema.optional(),
  name: labelSchema.optional(),
  mandateScope: frenchEnum(MANDATE_SCOPES, 'Mandat du coordonnateur').default('procedure_signature'),
  coordinatorIds: coordinatorIdsSchema.optional(),
  isPermanent: z.boolean().default(false),
});
export type GroupementCreate = z.input<typeof groupementCreateSchema>;

/** Changes while the groupement is a draft; `memberIds` replaces the member list (coordinators stay members). */
export const groupementPatchSchema = z
  .strictObject({
    name: labelSchema,
    mandateScope: frenchEnum(MANDATE_SCOPES, 'Mandat du coordonnateur'),
    coordinatorIds: coordinatorIdsSchema,
    memberIds: z.array(idSchema).min(2, 'Un groupement compte au moins deux membres.').max(500),
    isPermanent: z.boolean(),
  })
  .partial();
export type GroupementPatch = z.input<typeof groupementPatchSchema>;

/** `:id` a groupement, `:orgId` one of its members (the assembly pack of that member). */
export const groupementMemberParamsSchema = z.object({ id: z.string().min(1).max(64), orgId: z.string().min(1).max(64) });
