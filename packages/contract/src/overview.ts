import { z } from 'zod';
import { organizationSchema } from './organizations';
import { territorySchema } from './territories';

/**
 * Pooled view of a territory. Families are CPV divisions. A member buyer sees every member's
 * needs count but only its own organization's amount (`annualAmountCents` null for the others).
 */
export const overviewSchema = z
  .object({
    territory: territorySchema,
    members: z.array(z.object({ organization: organizationSchema, needsCount: z.number(), annualAmountCents: z.number().nullable() })),
    families: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        needsCount: z.number(),
        annualAmountCents: z.number(),
        organizationsCount: z.number(),
      }),
    ),
    totals: z.object({ needsCount: z.number(), annualAmountCents: z.number(), organizationsCount: z.number() }),
  })
  .meta({ id: 'TerritoryOverview' });
export type OverviewDto = z.infer<typeof overviewSchema>;
