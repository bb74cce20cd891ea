import { ADMISSION_DECIDERS, GROUPEMENT_STATUSES, MANDATE_SCOPES, MEMBERSHIP_REQUEST_STATUSES, ORGANIZATION_KINDS } from '@mutualis/core';
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
    /** Who decides admissions: the facilitator, or the coordinator where the convention says so. */
    admissionsBy: z.enum(ADMISSION_DECIDERS),
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
  admissionsBy: frenchEnum(ADMISSION_DECIDERS, 'Décision des adhésions').default('facilitator'),
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
    admissionsBy: frenchEnum(ADMISSION_DECIDERS, 'Décision des adhésions'),
  })
  .partial();
export type GroupementPatch = z.input<typeof groupementPatchSchema>;

/** `:id` a groupement, `:orgId` one of its members (the assembly pack of that member). */
export const groupementMemberParamsSchema = z.object({ id: z.string().min(1).max(64), orgId: z.string().min(1).max(64) });

/** `POST /groupements/:id/membership-requests`: an organization asks to join (a member buyer, for its own organization). */
export const membershipRequestBodySchema = z.strictObject({
  organizationId: idSchema,
  message: z.string().trim().max(2000, 'Message trop long (2000 caractères au plus).').default(''),
});
export type MembershipRequestBody = z.input<typeof membershipRequestBodySchema>;

/** `POST /membership-requests/:id/decision`: accept, or refuse saying why (the requester reads it). */
export const membershipDecisionBodySchema = z
  .strictObject({
    decision: z.enum(['accept', 'refuse'], { error: 'Décision attendue : accept ou refuse.' }),
    reason: z.string().trim().max(2000, 'Motif trop long (2000 caractères au plus).').optional(),
  })
  .refine((b) => b.decision === 'accept' || (b.reason ?? '').length > 0, {
    message: 'Indiquez le motif du refus : le demandeur le lira.',
    path: ['reason'],
  });
export type MembershipDecisionBody = z.input<typeof membershipDecisionBodySchema>;

export const membershipRequestSchema = z
  .object({
    id: z.string(),
    groupementId: z.string(),
    groupementName: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    status: z.enum(MEMBERSHIP_REQUEST_STATUSES),
    message: z.string(),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'MembershipRequest' });
export type MembershipRequestDto = z.infer<typeof membershipRequestSchema>;

export const membershipRequestListSchema = z.object({ items: z.array(membershipRequestSchema) });
export type MembershipRequestList = z.infer<typeof membershipRequestListSchema>;

export const membershipRequestQuerySchema = z.object({ status: z.enum(MEMBERSHIP_REQUEST_STATUSES).optional() });

/** A groupement an organization is not in, and where its request stands. */
export const joinableGroupementSchema = z.object({
  id: z.string(),
  name: z.string(),
  familyName: z.string(),
  status: z.enum(GROUPEMENT_STATUSES),
  isPermanent: z.boolean(),
  memberNames: z.array(z.string()),
  admissionsBy: z.enum(ADMISSION_DECIDERS),
  /** The organization's latest request, if any. */
  request: membershipRequestSchema.nullable(),
  /** Why it cannot ask now (already waiting, launched one-off groupement…); null when it can. */
  cannotRequestReason: z.string().nullable(),
});
export const joinableGroupementListSchema = z.object({ organizationId: z.string().nullable(), items: z.array(joinableGroupementSchema) });
export type JoinableGroupementList = z.infer<typeof joinableGroupementListSchema>;
