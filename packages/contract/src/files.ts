import { z } from 'zod';
import { frenchEnum } from './fields';

/**
 * Census spreadsheet import (issue 4 §1). Without `accept` the upload is a dry run: the file is
 * read and checked, nothing is stored. `accept=all` stores only a fully valid file;
 * `accept=valid` stores the valid rows and reports the refused ones.
 */
export const CENSUS_ACCEPT_MODES = ['all', 'valid'] as const;
export type CensusAcceptMode = (typeof CENSUS_ACCEPT_MODES)[number];

export const censusImportQuerySchema = z.object({
  accept: frenchEnum(CENSUS_ACCEPT_MODES, 'Mode d’enregistrement').optional(),
  /** `true`: the rows listed in `toConfirm` (unusual amounts) are stored as typed. */
  confirmAmounts: z
    .enum(['true', 'false'], { error: 'Confirmation des montants : true ou false.' })
    .transform((v) => v === 'true')
    .optional(),
});
export type CensusImportQuery = z.input<typeof censusImportQuerySchema>;

/** One refused cell (or row, or sheet) of an imported census file. */
export const censusCellErrorSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  /** Column letter (A, B…); empty when the problem is not one cell's. */
  column: z.string(),
  field: z.string(),
  reason: z.string(),
});
export type CensusCellErrorDto = z.infer<typeof censusCellErrorSchema>;

export const CENSUS_IMPORT_STATUSES = ['complete', 'partial', 'rejected'] as const;

export const censusImportResultSchema = z
  .object({
    /** complete: every row valid; partial: valid rows only (accept=valid); rejected: nothing would be or was stored. */
    status: z.enum(CENSUS_IMPORT_STATUSES),
    /** True when nothing was stored because no `accept` mode was given. */
    dryRun: z.boolean(),
    /** Non-empty data rows read. */
    rowCount: z.number().int(),
    /** Rows that passed every check. */
    valid: z.number().int(),
    /** Needs written: new rows, and rows of a file imported before (same file name, sheet and row). */
    stored: z.object({ created: z.number().int(), updated: z.number().int() }),
    errors: z.array(censusCellErrorSchema),
    /** Valid rows whose annual amount or unit price lies far outside the territory's for that purchase: withheld until confirmed. */
    toConfirm: z.array(censusCellErrorSchema),
    /** True when the import was asked with `confirmAmounts=true` (the rows of `toConfirm` are then stored). */
    amountsConfirmed: z.boolean(),
  })
  .meta({ id: 'CensusImportResult' });
export type CensusImportResult = z.infer<typeof censusImportResultSchema>;

/** `?organization=` narrows the census template and the needs export to one organization. */
export const censusExportQuerySchema = z.object({ organization: z.string().trim().min(1).max(64).optional() });
