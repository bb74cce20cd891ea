import { type ContractNature, type DecpAward, type DecpContractFacts, isDecpAmountEstimable, isDecpContractDated } from '@mutualis/core';
import { readDecpFlagReviews, readDecpFlags } from '../repositories/decp-flags-column';
import { decpValuesOf } from './decp-rows';

/** The contract columns `isDecpAmountEstimable` reads, beside the buyer and DECP id. */
export const FLAG_FACT_COLUMNS = [
  'cpv_code',
  'amount_cents',
  'duration_months',
  'start_date',
  'holder_siret',
  'nature',
  'decp_flags_json',
  'amount_check_json',
  'decp_flag_reviews_json',
] as const;

export interface StoredDecpFacts {
  organization_id: string;
  decp_id: string | null;
  cpv_code: string;
  amount_cents: number | null;
  duration_months: number;
  start_date: string;
  holder_siret: string | null;
  nature: ContractNature;
  decp_flags_json: string | null;
  amount_check_json: string | null;
  decp_flag_reviews_json: string | null;
}

/**
 * The facts the needs proposal receives: the contracts whose amount may be counted, a contract
 * whose amount is a placeholder or aberrant (until confirmed), or that has no duration or no CPV
 * code (until corrected), being left out (`isDecpAmountEstimable`).
 */
export function estimableDecpFacts(rows: readonly StoredDecpFacts[]): DecpContractFacts[] {
  const facts: DecpContractFacts[] = [];
  for (const row of rows) {
    const amountCents = row.amount_cents === null ? null : Number(row.amount_cents);
    // An undated record's stored start is a stand-in: the proposal then places it in no chain of renewals.
    let isDated = true;
    if (row.decp_flags_json !== null || row.amount_check_json !== null) {
      const contract = {
        startDate: row.start_date,
        holderSiret: row.holder_siret,
        cpvCode: row.cpv_code,
        nature: row.nature,
        durationMonths: row.duration_months,
        amountCents,
        decpFlags: readDecpFlags(row.decp_flags_json, row.amount_check_json),
        decpFlagReviews: readDecpFlagReviews(row.decp_flag_reviews_json),
      };
      if (!isDecpAmountEstimable(contract)) continue;
      isDated = isDecpContractDated(contract);
    }
    facts.push({
      organizationId: row.organization_id,
      decpId: row.decp_id ?? '',
      cpvCode: row.cpv_code,
      amountCents,
      durationMonths: row.duration_months,
      startDate: isDated ? row.start_date : null,
    });
  }
  return facts;
}

/**
 * The facts of awards not stored yet, as the needs proposal would receive them once imported (no
 * peer-group verdict yet): what an import's preview counts. `organizationIdOf` names each buyer.
 */
export function estimableAwardFacts(awards: readonly DecpAward[], organizationIdOf: (award: DecpAward) => string): DecpContractFacts[] {
  return estimableDecpFacts(
    awards.map((award) => {
      const values = decpValuesOf(award, organizationIdOf(award));
      return { ...values, decp_id: award.key, amount_check_json: null, decp_flag_reviews_json: null };
    }),
  );
}
