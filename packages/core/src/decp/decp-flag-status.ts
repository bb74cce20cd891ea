import type { RunningContract } from '../domain/types';
import { DECP_FLAG_SUBJECTS, type DecpFlag, type DecpFlagCode, type DecpFlagReviews } from './decp-flag';

/** `pending`: to look at; `confirmed`: the facilitator says the value is right; `corrected`: the value was changed since. */
export type DecpFlagStatus = 'pending' | 'confirmed' | 'corrected';

/** The flags that only a new value resolves: there is nothing to confirm (no date, no duration, no amount, no CPV code). */
const NEEDS_A_VALUE: ReadonlySet<DecpFlagCode> = new Set(['undated', 'duration_missing', 'amount_missing', 'cpv_unknown']);

/** Whether a facilitator may confirm this flag as it stands. */
export function isDecpFlagConfirmable(code: DecpFlagCode): boolean {
  return !NEEDS_A_VALUE.has(code);
}

/** What the flags' status reads of a contract. */
export type DecpFlagFacts = Pick<RunningContract, 'startDate' | 'holderSiret' | 'cpvCode' | 'nature' | 'durationMonths' | 'amountCents'> & {
  decpFlags?: readonly DecpFlag[];
  decpFlagReviews?: DecpFlagReviews;
};

/** The value of the contract field a flag is about, null for flags about no field. */
export function decpFlagSubjectValue(contract: DecpFlagFacts, code: DecpFlagCode): string | number | null {
  const subject = DECP_FLAG_SUBJECTS[code];
  return subject === null ? null : contract[subject];
}

/**
 * Where a flag stands: corrected once the field it is about no longer holds the flagged value;
 * confirmed while a confirmation of the current value stands; else pending.
 */
export function decpFlagStatus(contract: DecpFlagFacts, flag: DecpFlag): DecpFlagStatus {
  const current = decpFlagSubjectValue(contract, flag.code);
  if (DECP_FLAG_SUBJECTS[flag.code] !== null && current !== flag.value) return 'corrected';
  const review = contract.decpFlagReviews?.[flag.code];
  return review !== undefined && review.value === current && isDecpFlagConfirmable(flag.code) ? 'confirmed' : 'pending';
}

/** Whether any of the contract's flags with one of these codes is still unresolved (not corrected, and not confirmed when `confirmedResolves`). */
function hasOpenFlag(contract: DecpFlagFacts, codes: readonly DecpFlagCode[], confirmedResolves: boolean): boolean {
  for (const flag of contract.decpFlags ?? []) {
    if (!codes.includes(flag.code)) continue;
    if (flag.code === 'amount_anomalous' && flag.level === 'suspect') continue;
    const status = decpFlagStatus(contract, flag);
    if (status === 'pending' || (status === 'confirmed' && !confirmedResolves)) return true;
  }
  return false;
}

/**
 * Whether the contract's dates can be used by a calendar: not for an undated record (its start
 * date is a stand-in) nor one without a published duration, until someone enters the real value.
 */
export function isDecpContractDated(contract: DecpFlagFacts): boolean {
  return !hasOpenFlag(contract, ['undated', 'duration_missing'], false);
}

/**
 * Whether the contract's amount can be counted in estimates (proposed needs, savings): not a
 * placeholder or aberrant amount, nor one amendments brought below half the published amount (a
 * new total or an increment?), nor a contract that may be a republication of another (published
 * under an identifier its buyer had used already), until confirmed or corrected, nor an amount that cannot be
 * annualised (no duration) or placed in a family (no CPV code) until corrected. A suspect
 * amount (score 4–6) is kept, flagged.
 */
export function isDecpAmountEstimable(contract: DecpFlagFacts): boolean {
  return (
    !hasOpenFlag(contract, ['amount_sentinel', 'amount_anomalous', 'amendment_amount_low', 'id_shared'], true) &&
    !hasOpenFlag(contract, ['duration_missing', 'cpv_unknown'], false)
  );
}
