import { DECP_FLAG_CODES } from '@mutualis/core';

/** Short French names of the flags, core's own, for the web (which imports contract only). */
export { DECP_FLAG_LABELS, describeDecpCoverage, describeDecpFlagCounts, describeDecpTextRepairs } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import { runningContractSchema } from './contracts';

/** One flag of a kept DECP record, as the facilitator reviews it. */
export const decpFlagViewSchema = z.object({
  code: z.enum(DECP_FLAG_CODES),
  /** Short French name (« Non daté », « Montant anormal »…). */
  label: z.string(),
  /** Why the record carries it and what the product does about it, in French (amounts left out when `pricesHidden`). */
  explanation: z.string(),
  /** `pending`: to look at; `confirmed`: the value is right as it stands; `corrected`: the value was changed since. */
  status: z.enum(['pending', 'confirmed', 'corrected']),
  /** Whether it can be confirmed as it stands (undated, missing duration, amount or CPV code need a value). */
  isConfirmable: z.boolean(),
  /** The contract field a correction changes (PATCH /api/contracts/:id), null when none. */
  field: z.enum(['startDate', 'holderSiret', 'cpvCode', 'nature', 'durationMonths', 'amountCents']).nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type DecpFlagView = z.infer<typeof decpFlagViewSchema>;

export const flaggedContractSchema = z
  .object({
    contract: runningContractSchema,
    organizationName: z.string(),
    flags: z.array(decpFlagViewSchema),
    /** Whether a calendar uses its dates, and whether estimates count its amount (see `isDecpContractDated`, `isDecpAmountEstimable`). */
    isInCalendars: z.boolean(),
    isInEstimates: z.boolean(),
  })
  .meta({ id: 'FlaggedContract' });
export type FlaggedContractDto = z.infer<typeof flaggedContractSchema>;

export const flaggedContractPageSchema = z.object({
  items: z.array(flaggedContractSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Contracts of the territory (matching `q`) carrying each flag, whatever its status. */
  counts: z.record(z.enum(DECP_FLAG_CODES), z.number().int()),
  /** Contracts where each flag is still to look at (neither confirmed nor corrected). */
  pendingCounts: z.record(z.enum(DECP_FLAG_CODES), z.number().int()),
  /** Flagged contracts, and those with a flag still to look at. */
  totals: z.object({ pending: z.number().int(), all: z.number().int() }),
});
export type FlaggedContractPage = z.infer<typeof flaggedContractPageSchema>;

export const flaggedContractQuerySchema = paginationQuerySchema.extend({
  code: z.enum(DECP_FLAG_CODES, { error: 'Signalement inconnu.' }).optional(),
  /** `pending`: only the contracts with a flag still to look at (of `code` when given); `all` (default): every flagged one. */
  status: z.enum(['pending', 'all'], { error: 'status vaut pending ou all.' }).optional(),
  /** Searched in the buyer's name, the objet and the reference. */
  q: z.string().max(200, '200 caractères au plus.').optional(),
});
export type FlaggedContractQuery = z.input<typeof flaggedContractQuerySchema>;

export const decpFlagConfirmSchema = z.strictObject({
  codes: z.array(z.enum(DECP_FLAG_CODES, { error: 'Signalement inconnu.' })).min(1, 'Indiquez au moins un signalement à confirmer.'),
});
export type DecpFlagConfirm = z.input<typeof decpFlagConfirmSchema>;
