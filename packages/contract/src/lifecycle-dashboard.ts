import { GROUPEMENT_STATUSES } from '@mutualis/core';
import { CALENDAR_EVENT_KINDS } from '@mutualis/core/lifecycle';
import { z } from 'zod';
import { withheldSchema } from './withheld';

/**
 * `GET /territories/:slug/dashboard`: the territory's pooled spend, savings pipeline, local/SME
 * shares, statuses and calendar. For a member buyer, a groupement's figures follow core's
 * disclosure rule; totals add up the groupements whose figures it may read only
 * (`withheldGroupements` counts the others, `withheld` says why).
 */
export const dashboardSchema = z
  .object({
    territory: z.object({ slug: z.string(), name: z.string() }),
    now: z.string(),
    pooledSpendCents: z.number(),
    savings: z.object({
      estimated: z.object({ low: z.number(), central: z.number(), high: z.number() }),
      /** Null when some groupement's cannot be computed (never shown as 0); the known part and the reason beside. */
      committedCents: z.number().nullable(),
      committedKnownCents: z.number(),
      committedUnknown: z.string().nullable(),
      realisedCents: z.number().nullable(),
      realisedKnownCents: z.number(),
      realisedUnknown: z.string().nullable(),
    }),
    awardedSpendCents: z.number(),
    localSpendCents: z.number(),
    smeSpendCents: z.number(),
    localShare: z.number().nullable(),
    smeShare: z.number().nullable(),
    byStatus: z.array(z.object({ status: z.enum(GROUPEMENT_STATUSES), label: z.string(), count: z.number().int() })),
    calendar: z.array(
      z.object({
        kind: z.enum(CALENDAR_EVENT_KINDS),
        on: z.string(),
        groupementId: z.string(),
        groupementName: z.string(),
        label: z.string(),
      }),
    ),
    groupements: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        status: z.enum(GROUPEMENT_STATUSES),
        statusLabel: z.string(),
        estimatedCents: z.number().nullable(),
        /** Null before launch, or when unknown (then `…Unknown` says why). */
        committedCents: z.number().nullable(),
        committedUnknown: z.string().nullable(),
        realisedCents: z.number().nullable(),
        realisedUnknown: z.string().nullable(),
      }),
    ),
    withheldGroupements: z.number().int(),
    withheld: withheldSchema.nullable(),
  })
  .meta({ id: 'TerritoryDashboard' });
export type DashboardDto = z.infer<typeof dashboardSchema>;
