import { z } from 'zod';
import { poolabilitySchema, queryBooleanSchema } from './analysis';
import { paginationQuerySchema } from './common';
import { departementCodeSchema } from './fields';

/**
 * The open-data observatory (issue 15 §6): for any département of France, the opportunities found
 * in the contracts published in the DECP alone (whatever territory imported them), ranked by
 * poolability then amount, each with its evidence. Published data: amounts are shown as published.
 */

export const observatoryDepartementParamsSchema = z.object({ code: departementCodeSchema });
export const observatoryOpportunityParamsSchema = observatoryDepartementParamsSchema.extend({
  familyCode: z.string().regex(/^\d{8}$/, 'Code CPV de la famille attendu (8 chiffres, ex. 66510000).'),
});

export const observatoryListQuerySchema = paginationQuerySchema.extend({
  /** Also list the rarely pooled opportunities (site-specific works, one-off intellectual services), hidden by default. */
  includeRare: queryBooleanSchema.optional(),
});
export type ObservatoryListQuery = z.input<typeof observatoryListQuerySchema>;

/** How current the observatory is: published contracts read, and when it was last brought up to date. */
const observatorySourceSchema = z.object({ contractCount: z.number().int(), buyerCount: z.number().int(), updatedAt: z.string() });

export const observatoryDepartementSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  /** Opportunities other than the rarely pooled ones. */
  opportunityCount: z.number().int(),
  rareCount: z.number().int(),
});

export const observatoryDepartementsSchema = z
  .object({ departements: z.array(observatoryDepartementSummarySchema), source: observatorySourceSchema })
  .meta({ id: 'ObservatoryDepartements' });
export type ObservatoryDepartementsDto = z.infer<typeof observatoryDepartementsSchema>;

export const observatoryOpportunitySchema = z
  .object({
    id: z.string(),
    rank: z.number().int(),
    departementCode: z.string(),
    family: z.object({ code: z.string(), label: z.string() }),
    members: z.array(z.object({ siret: z.string(), name: z.string(), annualAmountCents: z.number(), contractCount: z.number().int() })),
    annualAmountCents: z.number(),
    buyerCount: z.number().int(),
    contractCount: z.number().int(),
    poolability: poolabilitySchema,
    explanation: z.string(),
  })
  .meta({ id: 'ObservatoryOpportunity' });
export type ObservatoryOpportunityDto = z.infer<typeof observatoryOpportunitySchema>;

export const observatoryListSchema = z
  .object({
    /** `ofName`: the name after « de », with its article (« du Bas-Rhin », « de la Charente »). */
    departement: z.object({ code: z.string(), name: z.string(), ofName: z.string() }),
    items: z.array(observatoryOpportunitySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    /** Rarely pooled opportunities, hidden unless `includeRare` (then counted in `total` too). */
    rareCount: z.number().int(),
    source: observatorySourceSchema,
  })
  .meta({ id: 'ObservatoryList' });
export type ObservatoryListDto = z.infer<typeof observatoryListSchema>;

/** One published contract behind an opportunity. */
export const observatoryEvidenceSchema = z.object({
  buyerSiret: z.string(),
  buyerName: z.string(),
  reference: z.string(),
  label: z.string(),
  cpvCode: z.string(),
  startDate: z.string(),
  durationMonths: z.number().int(),
  amountCents: z.number().nullable(),
  /** Its amount over a year of its duration; null without an amount or a duration, or when not counted. */
  annualAmountCents: z.number().nullable(),
  /** False for a placeholder or aberrant amount not confirmed yet: left out of the opportunity's estimate. */
  isCounted: z.boolean(),
});

export const observatoryOpportunityDetailSchema = observatoryOpportunitySchema
  .extend({ contracts: z.array(observatoryEvidenceSchema), source: observatorySourceSchema })
  .meta({ id: 'ObservatoryOpportunityDetail' });
export type ObservatoryOpportunityDetailDto = z.infer<typeof observatoryOpportunityDetailSchema>;
