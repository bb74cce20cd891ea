import {
  DECP_CCAGS,
  DECP_ENVIRONMENTAL_CONSIDERATIONS,
  DECP_OPERATOR_GROUPINGS,
  DECP_PRICE_TYPES,
  DECP_SOCIAL_CONSIDERATIONS,
  GROUPEMENT_STATUSES,
  MANDATE_SCOPES,
  ORGANIZATION_KINDS,
} from '@mutualis/core';
import { z } from 'zod';
import { centsSchema, departementCodeSchema, idSchema, isoDateSchema, labelSchema, quantitySchema, siretSchema } from './fields';
import { withheldSchema } from './withheld';

export const groupementIdParamsSchema = z.object({ id: idSchema });

const statusSchema = z.enum(GROUPEMENT_STATUSES);

/** `POST /groupements/:id/transitions`: the target status and what that step records. */
export const transitionBodySchema = z.discriminatedUnion(
  'to',
  [
    z.strictObject({ to: z.literal('convention_drafted'), plannedLaunchOn: isoDateSchema.optional() }),
    z.strictObject({ to: z.literal('signed') }),
    z.strictObject({
      to: z.literal('launched'),
      launchedOn: isoDateSchema,
      /** Date of the analysis the launch values come from (default: the launch date). */
      at: isoDateSchema.optional(),
    }),
    z.strictObject({ to: z.literal('awarded') }),
    z.strictObject({ to: z.literal('running') }),
    z.strictObject({ to: z.literal('closed') }),
    z.strictObject({ to: z.literal('renewed') }),
  ],
  { error: `Statut cible inconnu ; valeurs admises : ${GROUPEMENT_STATUSES.join(', ')}.` },
);
export type TransitionBody = z.input<typeof transitionBodySchema>;

/** `POST /groupements/:id/signatures`: a member's signature of the convention and/or its deliberation. */
export const signatureBodySchema = z.strictObject({
  organizationId: idSchema,
  signedOn: isoDateSchema.optional(),
  deliberationOn: isoDateSchema.optional(),
  deliberationReference: z.string().trim().min(1, 'Référence de la délibération vide.').max(100).optional(),
});
export type SignatureBody = z.input<typeof signatureBodySchema>;

/** `POST /groupements/:id/members`: an organization of the territory asks to join. */
export const admissionBodySchema = z.strictObject({ organizationId: idSchema });

/** The DECP 2024 data of an awarded lot the award decision does not say (arrêté du 22 décembre 2022). */
export const awardEssentialDataSchema = z.strictObject({
  notifiedOn: isoDateSchema,
  offersReceived: z.number().int('Nombre entier d’offres.').min(1, 'Au moins une offre reçue.').max(10_000),
  priceTypes: z
    .array(z.enum(DECP_PRICE_TYPES, { error: 'Type de prix inconnu.' }))
    .min(1, 'Indiquez au moins un type de prix.')
    .max(4),
  ccag: z.enum(DECP_CCAGS, { error: 'CCAG inconnu.' }),
  subcontractingDeclared: z.boolean(),
  advanceGranted: z.boolean(),
  isInnovative: z.boolean(),
  operatorGrouping: z.enum(DECP_OPERATOR_GROUPINGS, { error: 'Groupement d’opérateurs inconnu.' }),
  socialConsiderations: z.array(z.enum(DECP_SOCIAL_CONSIDERATIONS, { error: 'Considération sociale inconnue.' })).max(3),
  environmentalConsiderations: z
    .array(z.enum(DECP_ENVIRONMENTAL_CONSIDERATIONS, { error: 'Considération environnementale inconnue.' }))
    .max(2),
});
export type AwardEssentialDataBody = z.input<typeof awardEssentialDataSchema>;

/** `PUT /groupements/:id/awards/:lotKey/essential-data`. */
export const awardLotParamsSchema = z.object({ id: idSchema, lotKey: z.string().trim().min(1).max(64) });

const lotAwardSchema = z
  .strictObject({
    lotKey: z.string().trim().min(1).max(64).optional(),
    lotLabel: labelSchema,
    holderSiret: siretSchema,
    holderName: labelSchema,
    /** Used when the holder is not an organization known to Mutualis (its record wins otherwise). */
    holderDepartementCode: departementCodeSchema.optional(),
    holderIsSme: z.boolean().optional(),
    unitPriceCents: centsSchema.optional(),
    amountCents: centsSchema.optional(),
    awardedOn: isoDateSchema,
    startOn: isoDateSchema,
    durationMonths: z.number().int('Durée en mois entiers.').min(1, 'Au moins un mois.').max(120, '120 mois au plus.'),
    /** Members covered and their forecast on this lot; default: every member frozen at launch, whole forecast. */
    coverage: z
      .array(z.strictObject({ organizationId: idSchema, forecastQuantity: quantitySchema.nullable().default(null) }))
      .min(1)
      .optional(),
    /** Needed to publish the lot in the DECP; may be completed later. */
    essentialData: awardEssentialDataSchema.optional(),
  })
  .refine((lot) => (lot.unitPriceCents === undefined) !== (lot.amountCents === undefined), {
    message: 'Indiquez soit un prix unitaire, soit un montant annuel.',
    path: ['unitPriceCents'],
  });

/** `POST /groupements/:id/awards`: one or several lots of the current procedure. */
export const awardBodySchema = z.strictObject({ lots: z.array(lotAwardSchema).min(1, 'Au moins un lot.').max(50) });
export type AwardBody = z.input<typeof awardBodySchema>;

export const periodSchema = z
  .string({ error: 'Mois attendu au format AAAA-MM.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM (ex. 2026-07).');

export const consumptionEntrySchema = z.strictObject({
  lotKey: z.string().trim().min(1, 'Lot manquant.').max(64),
  organizationId: idSchema,
  period: periodSchema,
  quantity: quantitySchema.nullable().default(null),
  amountCents: centsSchema,
});

/** `POST /groupements/:id/consumption`: what members consumed, per lot and month (all or nothing). */
export const consumptionBodySchema = z.strictObject({ entries: z.array(consumptionEntrySchema).min(1, 'Au moins une ligne.').max(5000) });
export type ConsumptionBody = z.input<typeof consumptionBodySchema>;

export const consumptionResultSchema = z.object({ written: z.number().int() });

const reasonSchema = z.object({ code: z.string(), message: z.string(), organizationIds: z.array(z.string()).optional() });

const lifecycleMemberSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  isCoordinator: z.boolean(),
  needsDeliberation: z.boolean(),
  /** In the frozen list of the current procedure. */
  isFrozen: z.boolean(),
  /** Joined a permanent groupement after launch: takes part from the next procedure. */
  joinsNextProcedure: z.boolean(),
  signedOn: isoDateSchema.nullable(),
  deliberationOn: isoDateSchema.nullable(),
  deliberationReference: z.string().nullable(),
  missing: z.array(z.enum(['signature', 'deliberation'])),
});

const awardViewSchema = z.object({
  lotKey: z.string(),
  lotLabel: z.string(),
  holderSiret: z.string(),
  holderName: z.string(),
  holderIsLocal: z.boolean(),
  holderIsSme: z.boolean(),
  unitPriceCents: z.number().nullable(),
  amountCents: z.number().nullable(),
  awardedOn: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  contracts: z.array(z.object({ signatoryId: z.string(), signatoryName: z.string(), memberIds: z.array(z.string()) })),
  /** Null until recorded: the DECP export withholds the lot meanwhile. */
  essentialData: awardEssentialDataSchema.nullable(),
});

/** `GET /groupements/:id/lifecycle`: where the groupement stands, who must act, and what was decided. */
export const lifecycleViewSchema = z
  .object({
    groupementId: z.string(),
    name: z.string(),
    territorySlug: z.string(),
    status: statusSchema,
    statusLabel: z.string(),
    isPermanent: z.boolean(),
    mandateScope: z.enum(MANDATE_SCOPES),
    procedureNumber: z.number().int(),
    plannedLaunchOn: z.string().nullable(),
    members: z.array(lifecycleMemberSchema),
    steps: z.array(z.object({ status: statusSchema, label: z.string() })),
    nextSteps: z.array(z.object({ to: statusSchema, label: z.string(), blockers: z.array(reasonSchema) })),
    awards: z.array(awardViewSchema),
    launch: z
      .object({
        launchedOn: z.string(),
        /** Pooled figures: null when `withheld` says why (core's disclosure rule). */
        estimatedValueCents: z.number().nullable(),
        procedureLabel: z.string(),
        thresholdVersionId: z.string(),
        /** Unit of the forecast quantities (unit prices of awards are per this unit). */
        quantityUnit: z.string().nullable(),
        /** Award and contract start of the opportunity's schedule: the award form's default dates. */
        plannedAwardOn: z.string().nullable(),
        plannedStartOn: z.string().nullable(),
        savings: z.object({ low: z.number(), central: z.number(), high: z.number() }).nullable(),
        withheld: withheldSchema.nullable(),
      })
      .nullable(),
    /** What the caller may do here. */
    can: z.object({ transition: z.boolean(), award: z.boolean(), signFor: z.array(z.string()), enterConsumptionFor: z.array(z.string()) }),
  })
  .meta({ id: 'GroupementLifecycle' });
export type LifecycleView = z.infer<typeof lifecycleViewSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) }).meta({ id: 'AuditTrail' });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

const rangeSchema = z.object({ low: z.number(), central: z.number(), high: z.number() });
const totalsSchema = z.object({
  baselineCents: z.number(),
  estimated: rangeSchema,
  committedSpendCents: z.number(),
  /** Null when some line cannot be computed: `committedKnownCents` sums those that can, `committedUnknown` says why. */
  committedSavingsCents: z.number().nullable(),
  committedKnownCents: z.number(),
  committedUnknown: z.string().nullable(),
  realisedSpendCents: z.number(),
  /** Null when some consumption cannot be valued (no quantity): never shown as 0. */
  realisedSavingsCents: z.number().nullable(),
  realisedKnownCents: z.number(),
  realisedUnknown: z.string().nullable(),
});

/**
 * `GET /groupements/:id/savings`: estimated → committed → realised, per member and lot. A member
 * sees its own line; totals and lots follow core's disclosure rule (`total` null and lots left
 * out where fewer than two other members contribute; `withheld` says why), and its own estimate,
 * computed from the whole pool, goes with the total.
 */
export const savingsViewSchema = z
  .object({
    procedureNumber: z.number().int(),
    total: totalsSchema.nullable(),
    members: z.array(
      totalsSchema.extend({
        organizationId: z.string(),
        name: z.string(),
        /** Computed from the whole pool: null when the pooled figures are withheld. */
        estimated: rangeSchema.nullable(),
        /** Null when a lot priced as a whole, shared by the members' amounts, is withheld. */
        committedSpendCents: z.number().nullable(),
        committedSavingsCents: z.number().nullable(),
      }),
    ),
    lots: z.array(totalsSchema.extend({ lotKey: z.string(), lotLabel: z.string() })),
    caveat: z.string(),
    withheld: withheldSchema.nullable(),
  })
  .meta({ id: 'GroupementSavings' });
export type SavingsView = z.infer<typeof savingsViewSchema>;
