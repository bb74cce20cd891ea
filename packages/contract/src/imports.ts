import { z } from 'zod';

/** One DECP record the import left out: file, 0-based record index, field and reason. */
export const decpRejectionSchema = z.object({ file: z.string(), record: z.number().int(), field: z.string(), reason: z.string() });
export type DecpRejectionDto = z.infer<typeof decpRejectionSchema>;

/** Largest number of rejections an upload answer lists (all are counted in `rejected`). */
export const MAX_LISTED_REJECTIONS = 200;

/** Summary of a DECP upload (issue 4 §3). */
export const decpImportSummarySchema = z
  .object({
    read: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    duplicates: z.number().int(),
    /** Records refused: not a public contract of a buyer (test records, concessions, no buyer) or unreadable. */
    rejected: z.number().int(),
    rejectedByKind: z.object({
      unreadable: z.number().int(),
      test: z.number().int(),
      concession: z.number().int(),
      no_buyer: z.number().int(),
    }),
    /** Records kept with at least one flag (undated, invalid identifier, CPV 2003…): listed on the « À vérifier » page. */
    flagged: z.number().int(),
    /** DECP contracts whose amount is anomalous among comparable ones (all territories), after this import. */
    amountAnomalies: z.number().int(),
    /** The first rejections (at most 200). */
    rejections: z.array(decpRejectionSchema),
    rejectionsTruncated: z.boolean(),
    /** Proposed needs derived from the awards, awaiting their buyer's confirmation. */
    proposedNeeds: z.object({ created: z.number().int(), updated: z.number().int() }),
  })
  .meta({ id: 'DecpImportSummary' });
export type DecpImportSummary = z.infer<typeof decpImportSummarySchema>;
