import { z } from 'zod';
import { organizationSchema } from './organizations';
import { territorySchema } from './territories';
import { withheldSchema } from './withheld';

/**
 * Pooled view of a territory. Families are CPV divisions. A member buyer sees every member's
 * needs count but only its own organization's amount (`annualAmountCents` null for the others);
 * per-division and territory totals split the needs otherwise than the opportunities, so they are
 * withheld from it too (`amountsWithheld` says why; counts stay).
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
        annualAmountCents: z.number().nullable(),
        organizationsCount: z.number(),
      }),
    ),
    totals: z.object({ needsCount: z.number(), annualAmountCents: z.number().nullable(), organizationsCount: z.number() }),
    amountsWithheld: withheldSchema.nullable(),
  })
  .meta({ id: 'TerritoryOverview' });
export type OverviewDto = z.infer<typeof overviewSchema>;
