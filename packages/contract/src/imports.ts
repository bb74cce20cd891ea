import { DECP_FLAG_CODES } from '@mutualis/core';
import { z } from 'zod';
import { censusImportResultSchema } from './files';

/** One DECP record the import left out: file, 0-based record index (and CSV line), field and reason. */
export const decpRejectionSchema = z.object({
  file: z.string(),
  record: z.number().int(),
  line: z.number().int().optional(),
  field: z.string(),
  reason: z.string(),
});
export type DecpRejectionDto = z.infer<typeof decpRejectionSchema>;

/** Largest number of rejections an answer lists (all are counted in `rejected`). */
export const MAX_LISTED_REJECTIONS = 200;
/** Largest number of buyers a preview lists on each side of the territory's border (all are counted). */
export const MAX_LISTED_BUYERS = 200;

const count = z.number().int().min(0);
const departementCode = z
  .string()
  .trim()
  .regex(/^(\d{2}|2A|2B|97\d)$/i, 'Code de département attendu (ex. 67, 2A, 974).')
  .transform((code) => code.toUpperCase());

/**
 * Which buyers of a DECP file an import takes: the territory's members, the buyers located in these
 * départements, and every other one too when `includeOutside`.
 */
export const decpImportScopeSchema = z.object({
  departements: z.array(z.string()),
  includeOutside: z.boolean(),
});
export type DecpImportScope = z.infer<typeof decpImportScopeSchema>;

/** A scope as a request gives it: département codes checked (`2a` read as `2A`). */
export const decpImportScopeInputSchema = z.object({
  departements: z.array(departementCode).max(200),
  includeOutside: z.boolean(),
});

/** `?departements=67,68&includeOutside=true` of an upload; without `departements`, those of the territory's members. */
export const decpImportQuerySchema = z.object({
  departements: z
    .string()
    .max(2000)
    .transform((text) => text.split(',').filter((code) => code.trim() !== ''))
    .pipe(z.array(departementCode).max(200))
    .optional(),
  includeOutside: z.enum(['true', 'false'], { error: 'true ou false attendu.' }).optional(),
});

export const IMPORT_PHASES = ['reading', 'writing', 'needs', 'undoing'] as const;

/** Where a running import or preview stands. `secondsLeft` is estimated from the share of the files read. */
export const importProgressSchema = z.object({
  phase: z.enum(IMPORT_PHASES),
  fileName: z.string(),
  bytesRead: count,
  totalBytes: count,
  read: count,
  kept: count,
  flagged: count,
  outside: count,
  duplicates: count,
  rejected: count,
  secondsLeft: z.number().int().nullable(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** A buyer of a DECP file as a preview lists it. */
export const decpPreviewBuyerSchema = z.object({
  siret: z.string(),
  name: z.string(),
  /** '' when its place is unknown. */
  departementCode: z.string(),
  records: count,
  isMember: z.boolean(),
  /** Not yet an organization of the database: the import would create it. */
  isNew: z.boolean(),
});
export type DecpPreviewBuyer = z.infer<typeof decpPreviewBuyerSchema>;

/** Rejections by kind: `unreadable` (not parsable, not an object, refused by the database), `test`, `concession`, `no_buyer`. */
export const decpRejectedByKindSchema = z.object({ unreadable: count, test: count, concession: count, no_buyer: count });

/**
 * Contracts kept with each flag (one with two flags counts under both). Absent from the previews
 * and results of imports stored before it was counted.
 */
export const decpFlagCountsSchema = z.partialRecord(z.enum(DECP_FLAG_CODES), count);
export type DecpFlagCounts = z.infer<typeof decpFlagCountsSchema>;

/** What an import of DECP files into a territory would do (issue 15 §2), computed without writing anything. */
export const decpImportPreviewSchema = z
  .object({
    scope: decpImportScopeSchema,
    read: count,
    rejected: count,
    rejectedByKind: decpRejectedByKindSchema,
    /** Records whose buyer SIRET + id came earlier in the files (lots, republications): the first is kept. */
    duplicates: count,
    /** Contracts the import would take, in the scope. */
    contracts: z.object({ new: count, updated: count, unchanged: count, flagged: count, flaggedByCode: decpFlagCountsSchema.optional() }),
    buyers: z.object({
      inside: z.object({ count, members: count, located: count, new: count, list: z.array(decpPreviewBuyerSchema) }),
      outside: z.object({
        count,
        records: count,
        list: z.array(decpPreviewBuyerSchema),
        byDepartement: z.array(z.object({ code: z.string(), buyers: count, records: count })),
      }),
    }),
    /** Proposed needs (one per buyer and purchase family) the import would create, and those it would update. */
    needs: z.object({ new: count, existing: count }),
    rejections: z.array(decpRejectionSchema),
    rejectionsTruncated: z.boolean(),
  })
  .meta({ id: 'DecpImportPreview' });
export type DecpImportPreview = z.infer<typeof decpImportPreviewSchema>;

/** What a DECP import did. */
export const decpImportResultSchema = z
  .object({
    read: count,
    imported: count,
    updated: count,
    unchanged: count,
    duplicates: count,
    /** Records kept with at least one flag (undated, invalid identifier, CPV 2003…): listed on the « À vérifier » page. */
    flagged: count,
    flaggedByCode: decpFlagCountsSchema.optional(),
    /** Records refused: not a public contract of a buyer (test records, concessions, no buyer) or unreadable. */
    rejected: count,
    rejectedByKind: decpRejectedByKindSchema,
    /** DECP contracts whose amount is anomalous among comparable ones (all territories), after this import. */
    amountAnomalies: count,
    /** Records of buyers outside the scope, left out. */
    outside: count,
    /** Contracts whose objet, and whose holders' names, were published with their accents lost and repaired (absent from imports stored before it). */
    repairedTexts: z.object({ objets: count, holders: count }).optional(),
    /** Buyer identities resolved from the names met: repaired, budgets and services under their legal unit, left to review. */
    buyerNames: z.object({ resolved: count, changed: count, toReview: count }),
    rejections: z.array(decpRejectionSchema),
    rejectionsTruncated: z.boolean(),
    /** Proposed needs derived from the awards, awaiting their buyer's confirmation. */
    proposedNeeds: z.object({ created: count, updated: count, removed: count }),
  })
  .meta({ id: 'DecpImportResult' });
export type DecpImportResult = z.infer<typeof decpImportResultSchema>;

/** What undoing an import removed and put back. */
export const importUndoResultSchema = z.object({
  contractsRemoved: count,
  contractsRestored: count,
  needsRemoved: count,
  needsRestored: count,
  membershipsRemoved: count,
  organizationsRemoved: count,
  organizationsKept: count,
});
export type ImportUndoResult = z.infer<typeof importUndoResultSchema>;

export const IMPORT_KINDS = ['decp', 'census'] as const;
export const IMPORT_STATUSES = ['previewing', 'previewed', 'running', 'done', 'failed', 'undoing', 'undone'] as const;
export type ImportStatusDto = (typeof IMPORT_STATUSES)[number];

/** One import of the history: who, what, when, where it stands and what it did. */
export const importRecordSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    status: z.enum(IMPORT_STATUSES),
    actor: z.string(),
    fileNames: z.array(z.string()),
    /** The census's organization (census imports only). */
    organizationId: z.string().nullable(),
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    undoneBy: z.string().nullable(),
    error: z.string().nullable(),
    progress: importProgressSchema.nullable(),
    decpPreview: decpImportPreviewSchema.nullable(),
    decpResult: decpImportResultSchema.nullable(),
    /** A census check (its preview) or what a census import stored. */
    censusResult: censusImportResultSchema.nullable(),
    undoResult: importUndoResultSchema.nullable(),
  })
  .meta({ id: 'ImportRecord' });
export type ImportRecordDto = z.infer<typeof importRecordSchema>;

export const importListSchema = z.object({ items: z.array(importRecordSchema) });

export const importParamsSchema = z.object({
  slug: z.string().min(1).max(64),
  importId: z.string().uuid('Identifiant d’import invalide.'),
});
export const organizationImportParamsSchema = z.object({
  id: z.string().min(1).max(64),
  importId: z.string().uuid('Identifiant d’import invalide.'),
});

/** Confirming a previewed DECP import, optionally with another scope than the preview's. */
export const decpImportConfirmSchema = z.object({ scope: decpImportScopeInputSchema.optional() });
/** Asking a new preview of an uploaded DECP file with another scope. */
export const decpImportRepreviewSchema = z.object({ scope: decpImportScopeInputSchema });
