import { z } from 'zod';
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

export const memberEntrySchema = z.object({
  organizationId: z.string(),
  earliestEntry: z.string(),
  latestEntry: z.string().nullable(),
  wave: z.enum(['start', 'later']),
  joinDate: z.string(),
  bridgeMonths: z.number(),
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

export const savingsDetailSchema = z.object({
  basis: z.enum(['quantities', 'amounts']),
  /** Per member; a member buyer gets only its own line. */
  members: z.array(
    z.object({ organizationId: z.string(), purchase: savingsRangeSchema, procedural: z.number(), total: savingsRangeSchema }),
  ),
  priceHarmonisation: savingsRangeSchema,
  volumeEffect: savingsRangeSchema,
  procedural: z.number(),
  total: savingsRangeSchema,
  elasticity: z.object({ low: z.number(), central: z.number(), high: z.number(), provenance: z.string() }),
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
  })
  .meta({ id: 'OpportunityDetail' });
export type OpportunityDetailDto = z.infer<typeof opportunityDetailSchema>;

const organizationIdsSchema = z.array(idSchema).max(200, '200 organisations au plus.');

/** What-if changes: organizations joining, leaving, or postponing their entry by some months. */
export const scenarioBodySchema = z
  .strictObject({
    join: organizationIdsSchema.optional(),
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

/** One side of a scenario; amounts null when core's disclosure rule withholds them from the caller. */
export const opportunitySnapshotSchema = z.object({
  memberIds: z.array(z.string()),
  annualAmountCents: z.number().nullable(),
  estimatedValueCents: z.number().nullable(),
  savings: savingsRangeSchema.nullable(),
  procedure: z.string(),
  startDate: z.string(),
  waves: z.array(waveSchema),
});

export const scenarioResultSchema = z
  .object({
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
    }),
    /** Why amounts are left out for the caller (null: every figure is given). */
    withheld: withheldSchema.nullable(),
  })
  .meta({ id: 'ScenarioResult' });
export type ScenarioResultDto = z.infer<typeof scenarioResultSchema>;
