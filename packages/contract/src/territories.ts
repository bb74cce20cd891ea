import { z } from 'zod';

export const poolingScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('territory') }),
  z.object({ kind: z.literal('region') }),
  z.object({ kind: z.literal('departement') }),
  z.object({ kind: z.literal('epci') }),
  z.object({ kind: z.literal('distance'), km: z.number() }),
]);

export const territorySchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), poolingScope: poolingScopeSchema, isDemo: z.boolean() })
  .meta({ id: 'Territory' });
export type TerritoryDto = z.infer<typeof territorySchema>;

export const territoryListSchema = z.object({ items: z.array(territorySchema) });
export type TerritoryList = z.infer<typeof territoryListSchema>;
