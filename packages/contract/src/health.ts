import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    reachable: z.boolean(),
    dialect: z.enum(['sqlite', 'postgres']),
    /** Why the database cannot serve (French), when it cannot. */
    message: z.string().optional(),
  }),
});
export type HealthDto = z.infer<typeof healthSchema>;
