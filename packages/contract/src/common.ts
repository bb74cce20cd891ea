import { z } from 'zod';

/** Every rejection of the API: a stable code, a French message, and details (field issues for validation). */
export const fieldIssueSchema = z.object({ field: z.string(), reason: z.string() });
export type FieldIssueDto = z.infer<typeof fieldIssueSchema>;

export const errorResponseSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.object({ issues: z.array(fieldIssueSchema).optional() }).catchall(z.unknown()),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** `?limit=` (1–200, default 50) and `?offset=` of every list route; query strings arrive as text. */
export const paginationQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'limit doit être un nombre.' })
    .int('limit doit être un entier.')
    .min(1, 'limit doit valoir au moins 1.')
    .max(MAX_PAGE_LIMIT, `limit vaut au plus ${MAX_PAGE_LIMIT}.`)
    .default(DEFAULT_PAGE_LIMIT),
  offset: z.coerce
    .number({ error: 'offset doit être un nombre.' })
    .int('offset doit être un entier.')
    .min(0, 'offset ne peut pas être négatif.')
    .default(0),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

/** `{ items, total, limit, offset }` around a list of `item`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const slugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Identifiant de territoire invalide.') });
export const okResponseSchema = z.object({ ok: z.literal(true) });
