import { z } from 'zod';

export const referenceQuerySchema = z.object({
  q: z.string({ error: 'Texte de recherche attendu (q).' }).trim().min(1, 'Texte de recherche vide.').max(100, 'Recherche trop longue.'),
});

export const cpvEntrySchema = z.object({ code: z.string(), checkDigit: z.string(), labelFr: z.string(), labelEn: z.string() });
export const cpvSearchSchema = z.object({ items: z.array(cpvEntrySchema) });
export type CpvSearchResult = z.infer<typeof cpvSearchSchema>;

export const communeEntrySchema = z.object({ code: z.string(), name: z.string(), departementCode: z.string() });
export const communeSearchSchema = z.object({ items: z.array(communeEntrySchema) });
export type CommuneSearchResult = z.infer<typeof communeSearchSchema>;

export const nafEntrySchema = z.object({ code: z.string(), label: z.string() });
export const nafSearchSchema = z.object({ items: z.array(nafEntrySchema) });
export type NafSearchResult = z.infer<typeof nafSearchSchema>;

/** Reference searches return at most this many entries. */
export const REFERENCE_SEARCH_LIMIT = 20;
