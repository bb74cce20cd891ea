import { z } from 'zod';
import { AVOIDABLE_PROCEDURE_KINDS } from '@mutualis/core';
import { opportunitySummarySchema, savingsRangeSchema } from './analysis';
import { idSchema } from './fields';
import { withheldSchema } from './withheld';

/**
 * One analysed opportunity in full: explanation, calendar with each member's entry window and
 * actions, backward schedule, savings with provenance and caveat, procedure with its articles and
 * threshold version, and the members' running contracts of the family (for the Gantt chart).
 * For a member buyer, other members' actions, per-member savings, alone values and contract
 * amounts are left out (they reveal prices), and pooled figures follow core's disclosure rule
 * (`totalsWithheld`: the estimated value and the savings detail are null, amounts are left out
 * of the explanations).
 */

const waveSchema = z.object({ kind: z.enum(['start', 'later']), date: z.string(), organizationIds: z.array(z.string()) });

/** An amendment extending a running contract (R2194-8) or a bridge contract covering the gap up to the member's entry. */
export const bridgeSchema = z.object({
  form: z.enum(['amendment', 'contract']),
  contractIds: z.array(z.string()),
  references: z.array(z.string()),
  from: z.string(),
  /** The member's entry: the bridge ends the day before. */
  until: z.string(),
  months: z.number().int(),
  days: z.number().int(),
  amountCents: z.number(),
  procedureKind: z.string().nullable(),
  thresholdVersionId: z.string().nullable(),
  launchBy: z.string(),
});

/** A member's entry into the one procedure: `later` is a deferred entry (entrée différée), never a new procedure. */
export const memberEntrySchema = z.object({
  organizationId: z.string(),
  earliestEntry: z.string(),
  latestEntry: z.string().nullable(),
  wave: z.enum(['start', 'later']),
  joinDate: z.string(),
  bridgeMonths: z.number(),
  /** Empty for another organization when the caller is a member buyer (they quote its amounts). */
  bridges: z.array(bridgeSchema),
  isBeyondTerm: z.boolean(),
  /** Empty for another organization when the caller is a member buyer. */
  actions: z.array(z.string()),
});

export const scheduleStepSchema = z.object({
  step: z.string(),
  date: z.string(),
  organizationId: z.string().nullable(),
  labelFr: z.string(),
});

export const calendarSchema = z.object({
  startDate: z.string(),
  minStartDate: z.string(),
  waves: z.array(waveSchema),
  members: z.array(memberEntrySchema),
  schedule: z.array(scheduleStepSchema),
  explanation: z.string(),
});

/** How each member fares as coordinator, and the proposal beside the coordinator retained. */
export const coordinatorProposalSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  differsFromChoice: z.boolean(),
  /** Null share and score for another organization when the caller is a member buyer. */
  candidates: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      share: z.number().nullable(),
      hasExperience: z.boolean(),
      hasUsableCao: z.boolean(),
      isEligible: z.boolean(),
      ineligibleReason: z.string().nullable(),
      score: z.number().nullable(),
      loadElsewhere: z.number(),
      coordinatesElsewhere: z.array(z.string()),
    }),
  ),
  /** The explanation's sentences (facilitator's choice, proposal, runner-up, who cannot act at launch, weighting). */
  reasons: z.array(z.string()),
  explanation: z.string(),
});

/** The groupement's CAO under CGCT L1414-3 (versioned rule), for this membership and coordinator. */
export const tenderCommissionSchema = z.object({
  ruleVersionId: z.string(),
  article: z.string(),
  isMostlyLocal: z.boolean(),
  localMemberCount: z.number().int(),
  memberCount: z.number().int(),
  coordinatorHasCao: z.boolean(),
  allowed: z.array(z.enum(['coordinator', 'groupement'])),
  proposed: z.enum(['coordinator', 'groupement']),
  seats: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      basis: z.enum(['elected_cao_member', 'designated_representative']),
      isChair: z.boolean(),
    }),
  ),
  explanation: z.string(),
});

export const procedureDetailSchema = z.object({
  kind: z.string(),
  labelFr: z.string(),
  articles: z.array(z.string()),
  thresholdVersionId: z.string(),
  /** Null when the pooled figures are withheld from the caller. */
  estimatedValueCents: z.number().nullable(),
  formalisedThresholdCents: z.number(),
  formalisedBasis: z.enum(['state', 'local', 'works']),
  isMixedStateLocal: z.boolean(),
  thresholdCrossed: z.object({
    isCrossed: z.boolean(),
    members: z.array(z.object({ organizationId: z.string(), aloneKind: z.string(), aloneValueCents: z.number().nullable() })),
  }),
  needsVerification: z.boolean(),
  explanation: z.string(),
});

/** French names of avoided procedures and where their costs come from, as core explains them. */
export { avoidedProceduresListFr, PROCEDURE_COSTS_PROVENANCE_FR } from '@mutualis/core';

export const procedureCycleSchema = z.object({
  avoidedProcedures: z.number(),
  avoided: z.array(z.object({ kind: z.enum(AVOIDABLE_PROCEDURE_KINDS), count: z.number(), unitCostCents: z.number() })),
  avoidedCostCents: z.number(),
  coordinationCostCents: z.number(),
  contractMonths: z.number(),
  perCycleCents: z.number(),
});

/** The published evidence a savings figure rests on (versioned, dated, each source with what it measured). */
export const savingsProvenanceSchema = z.object({
  evidenceVersion: z.string(),
  checkedOn: z.string(),
  calibrationId: z.string(),
  segment: z.string(),
  kind: z.enum(['price', 'supply_security']),
  range: z.object({ low: z.number(), high: z.number() }),
  rationale: z.string(),
  benefit: z.string().nullable(),
  sources: z.array(
    z.object({
      id: z.string(),
      citation: z.string(),
      publishedOn: z.string().nullable(),
      measure: z.string(),
      measureLabel: z.string(),
      finding: z.string(),
      url: z.string(),
    }),
  ),
});

export const savingsDetailSchema = z.object({
  basis: z.enum(['quantities', 'amounts']),
  /** Per member; a member buyer gets only its own line. */
  members: z.array(
    z.object({ organizationId: z.string(), purchase: savingsRangeSchema, procedural: z.number(), total: savingsRangeSchema }),
  ),
  /** Parts of the price model before calibration. */
  priceHarmonisation: savingsRangeSchema,
  volumeEffect: savingsRangeSchema,
  /** Price savings after calibration against the published range (zero centrally for a supply-security family). */
  price: savingsRangeSchema,
  isCapped: z.object({ central: z.boolean(), high: z.boolean() }),
  /** Per year: one procedure cycle spread over the contract. */
  procedural: z.number(),
  procedureCycle: procedureCycleSchema,
  total: savingsRangeSchema,
  elasticity: z.object({ low: z.number(), central: z.number(), high: z.number(), provenance: z.string() }),
  provenance: savingsProvenanceSchema,
  coordinatorId: z.string(),
  caveat: z.string(),
  explanation: z.string(),
});

export const ganttContractSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  reference: z.string(),
  label: z.string(),
  cpvCode: z.string(),
  holderName: z.string().nullable(),
  startDate: z.string(),
  durationMonths: z.number(),
  renewalCount: z.number(),
  renewalMonths: z.number(),
  renewalsUsed: z.number(),
  noticeMonths: z.number(),
  /** Last day with every renewal exercised. */
  finalEndDate: z.string(),
  /** Null for another organization when the caller is a member buyer. */
  amountCents: z.number().nullable(),
  /** Why the DECP dates, amount or holders are what they are (see the running contract's `decpProvenance`); amount line left out with the amount. */
  decpProvenance: z.array(z.string()),
});

export const opportunityDetailSchema = opportunitySummarySchema
  .extend({
    now: z.string(),
    explanation: z.string(),
    quantity: z.object({ value: z.number(), unit: z.string() }).nullable(),
    waveList: z.array(waveSchema),
    calendar: calendarSchema,
    procedureDetail: procedureDetailSchema,
    /** Null when the pooled figures are withheld from the caller (`totalsWithheld`). */
    savingsDetail: savingsDetailSchema.nullable(),
    runningContracts: z.array(ganttContractSchema),
    coordinatorProposal: coordinatorProposalSchema,
    tenderCommission: tenderCommissionSchema,
  })
  .meta({ id: 'OpportunityDetail' });
export type OpportunityDetailDto = z.infer<typeof opportunityDetailSchema>;

const organizationIdsSchema = z.array(idSchema).max(200, '200 organisations au plus.');

/** An organization joining: its id (its recorded needs of the family count), or its id with the annual amount the facilitator enters. */
const scenarioJoinSchema = z.union([
  idSchema,
  z.strictObject({
    organizationId: idSchema,
    annualAmountCents: z
      .number({ error: 'Montant annuel en centimes attendu.' })
      .int('Montant en centimes entiers attendu.')
      .min(1, 'Le montant annuel doit être positif.')
      .max(1_000_000_000_000, 'Montant annuel trop élevé (10 milliards d’euros au plus).')
      .optional(),
  }),
]);

/** What-if changes: organizations joining (with an entered amount when they have no recorded need), leaving, or postponing their entry. */
export const scenarioBodySchema = z
  .strictObject({
    join: z.array(scenarioJoinSchema).max(200, '200 organisations au plus.').optional(),
    leave: organizationIdsSchema.optional(),
    postpone: z
      .array(
        z.strictObject({
          organizationId: idSchema,
          months: z.number().int('Nombre entier de mois attendu.').min(1, 'Au moins un mois.').max(120, '120 mois au plus.'),
        }),
      )
      .max(200)
      .optional(),
  })
  .refine((b) => (b.join?.length ?? 0) + (b.leave?.length ?? 0) + (b.postpone?.length ?? 0) > 0, {
    message: 'Indiquez au moins un changement (join, leave ou postpone).',
    path: ['join'],
  });
export type ScenarioBody = z.input<typeof scenarioBodySchema>;

const scenarioLotsSchema = z.union([
  z.object({ ok: z.literal(true), lotCount: z.number().int(), labels: z.array(z.string()), accessibleShare: z.number() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

/** One side of a scenario; amounts null when core's disclosure rule withholds them from the caller. */
export const opportunitySnapshotSchema = z.object({
  memberIds: z.array(z.string()),
  annualAmountCents: z.number().nullable(),
  estimatedValueCents: z.number().nullable(),
  savings: savingsRangeSchema.nullable(),
  procedure: z.string(),
  startDate: z.string(),
  waves: z.array(waveSchema),
  coordinator: z.object({ organizationId: z.string(), name: z.string(), isOverride: z.boolean() }),
  /** Each member's own start of execution. */
  entries: z.array(z.object({ organizationId: z.string(), joinDate: z.string() })),
  /** The recommended lot structure with the territory's firms; null when not designed. */
  lots: scenarioLotsSchema.nullable(),
});

export const scenarioResultSchema = z
  .object({
    opportunityId: z.string(),
    /** Null when the opportunity does not exist on that side (e.g. one buyer left). */
    base: opportunitySnapshotSchema.nullable(),
    scenario: opportunitySnapshotSchema.nullable(),
    diff: z.object({
      addedMemberIds: z.array(z.string()),
      removedMemberIds: z.array(z.string()),
      /** Null when withheld: the change would reveal the amount of the members whose participation changes. */
      annualAmountCents: z.number().nullable(),
      estimatedValueCents: z.number().nullable(),
      savings: savingsRangeSchema.nullable(),
      procedure: z.object({ before: z.string().nullable(), after: z.string().nullable(), isChanged: z.boolean() }),
      startDate: z.object({ before: z.string().nullable(), after: z.string().nullable(), shiftDays: z.number().nullable() }),
      waves: z.object({ before: z.number().int(), after: z.number().int() }),
      coordinator: z.object({ before: z.string().nullable(), after: z.string().nullable(), isChanged: z.boolean() }),
    }),
    /** Why amounts are left out for the caller (null: every figure is given). */
    withheld: withheldSchema.nullable(),
    /** What changed and why, in a few French sentences (threshold crossed, start moved, coordinator changed). */
    explanation: z.array(z.string()),
  })
  .meta({ id: 'ScenarioResult' });
export type ScenarioResultDto = z.infer<typeof scenarioResultSchema>;
