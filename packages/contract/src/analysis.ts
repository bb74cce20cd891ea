import { CPV_LEVELS, POOLABILITY_TIERS, PURCHASE_NATURES } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import { departementCodeSchema, frenchEnum, isoDateSchema } from './fields';
import { shareBandSchema, withheldSchema } from './withheld';

/**
 * Opportunities of the pooling analysis (issue 3 §7). A member buyer sees only the opportunities
 * its organization is in, and never another member's amount or unit price: those fields are null
 * for the others (`pricesHidden` says so). Pooled aggregates (totals, savings, shares) follow core's
 * disclosure rule: null where fewer than two other members contribute, or for another analysis
 * than the reference one (`totalsWithheld` says why); shares then come as bands.
 */

/** `poolability`: the analysis rank (poolability tier, then pooled amount); `amount`: pooled amount alone. */
export const OPPORTUNITY_SORTS = ['poolability', 'amount', 'savings', 'startDate'] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

/** `true`/`false`/`1`/`0` in a query string. */
export const queryBooleanSchema = z
  .enum(['true', 'false', '1', '0'], { error: 'Booléen attendu : true ou false.' })
  .transform((v) => v === 'true' || v === '1');

/** Options of one analysis: the date it is computed at (default: today), the CPV level and the needs it reads. */
export const analysisOptionsQuerySchema = z.object({
  at: isoDateSchema.optional(),
  confirmedOnly: queryBooleanSchema.optional(),
  level: frenchEnum(CPV_LEVELS, 'Niveau de famille CPV').optional(),
});
export type AnalysisOptionsQuery = z.input<typeof analysisOptionsQuerySchema>;

export const opportunityListQuerySchema = paginationQuerySchema.extend(analysisOptionsQuerySchema.shape).extend({
  /** Family key (`famille:<id>`, `cpv:<level>:<code>`) or user family id. */
  family: z.string().trim().min(1).max(200).optional(),
  /** Opportunities with at least one member in this département. */
  departement: departementCodeSchema.optional(),
  sort: frenchEnum(OPPORTUNITY_SORTS, 'Tri').default('poolability'),
  /** Also list the rarely pooled opportunities (site-specific works, one-off intellectual services), hidden by default. */
  includeRare: queryBooleanSchema.optional(),
});
export type OpportunityListQuery = z.input<typeof opportunityListQuerySchema>;

export const opportunityParamsSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Identifiant de territoire invalide.'),
  id: z.string().min(1).max(300),
});

export const savingsRangeSchema = z.object({ low: z.number(), central: z.number(), high: z.number() });
export type SavingsRangeDto = z.infer<typeof savingsRangeSchema>;

export const familyRefSchema = z.object({
  key: z.string(),
  label: z.string(),
  cpvCodes: z.array(z.string()),
  familyId: z.string().nullable(),
});
export const cellSchema = z.object({ scope: z.string(), code: z.string(), label: z.string() });

export const opportunityMemberSchema = z.object({
  organizationId: z.string(),
  siret: z.string(),
  name: z.string(),
  departementCode: z.string(),
  /** Null for a member buyer unless the totals are shown (its own share) — never another organization's. */
  share: z.number().nullable(),
  /** The share as a band when `share` is withheld (null when `share` is given). */
  shareBand: shareBandSchema.nullable(),
  /** Null for another organization when the caller is a member buyer. */
  annualAmountCents: z.number().nullable(),
  isConfirmed: z.boolean(),
});
export type OpportunityMemberDto = z.infer<typeof opportunityMemberSchema>;

export const procedureSummarySchema = z.object({
  kind: z.string(),
  label: z.string(),
  /** The article that grounds the procedure kind (R2122-8, R2123-1, L2124-1). */
  article: z.string(),
  articles: z.array(z.string()),
  thresholdVersion: z.string(),
});

/** What real buyers did in the opportunity's CPV classes (reference DECP contracts passed for a groupement de commandes). */
export const poolingEvidenceSchema = z.object({
  classCodes: z.array(z.string()),
  contracts: z.number().int(),
  groupementContracts: z.number().int(),
  groupementProcedures: z.number().int(),
  groupementBuyers: z.number().int(),
  examples: z.array(z.string()),
});

/** Why the opportunity ranks where it does: its poolability tier, its purchase nature and the evidence, explained in French. */
export const poolabilitySchema = z
  .object({
    tier: z.enum(POOLABILITY_TIERS),
    label: z.string(),
    nature: z.enum(PURCHASE_NATURES),
    isRare: z.boolean(),
    evidence: poolingEvidenceSchema,
    reason: z.string(),
  })
  .meta({ id: 'Poolability' });
export type PoolabilityDto = z.infer<typeof poolabilitySchema>;

export const coordinatorRefSchema = z.object({ organizationId: z.string(), siret: z.string(), name: z.string(), isOverride: z.boolean() });

export const opportunitySummarySchema = z
  .object({
    id: z.string(),
    rank: z.number().int(),
    family: familyRefSchema,
    cell: cellSchema,
    members: z.array(opportunityMemberSchema),
    /** Pooled figures: null when `totalsWithheld` says why. */
    annualAmountCents: z.number().nullable(),
    estimatedValueCents: z.number().nullable(),
    procedure: procedureSummarySchema,
    thresholdCrossed: z.boolean(),
    startDate: z.string(),
    waves: z.number().int(),
    savings: savingsRangeSchema.nullable(),
    coordinator: coordinatorRefSchema,
    hasUnconfirmed: z.boolean(),
    pricesHidden: z.boolean(),
    poolability: poolabilitySchema,
    totalsWithheld: withheldSchema.nullable(),
  })
  .meta({ id: 'OpportunitySummary' });
export type OpportunitySummaryDto = z.infer<typeof opportunitySummarySchema>;

export const coordinatorLoadSchema = z.object({ organizationId: z.string(), siret: z.string(), name: z.string(), load: z.number() });

export const opportunityListSchema = z
  .object({
    items: z.array(opportunitySummarySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    /** The date the analysis was computed at. */
    now: z.string(),
    coordinatorLoads: z.array(coordinatorLoadSchema),
    /** Rarely pooled opportunities matching the filters, hidden unless `includeRare` (then counted in `total` too). */
    rareCount: z.number().int(),
    /** Why the territory pools per département although its scope is wider (French), or null. */
    scopeNote: z.string().nullable(),
  })
  .meta({ id: 'OpportunityList' });
export type OpportunityListDto = z.infer<typeof opportunityListSchema>;
