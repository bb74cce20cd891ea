import type { AmountAnomalyFlag, DecpFlag, DecpFlagReviews } from '@mutualis/core';

/** `running_contracts.decp_flags_json`: the import's flags, NULL when there is none (most contracts). */
export function writeDecpFlags(flags: readonly DecpFlag[]): string | null {
  return flags.length === 0 ? null : JSON.stringify(flags);
}

/** `running_contracts.amount_check_json`: the peer-group verdict, NULL when the amount is not anomalous. */
export function writeAmountCheck(flag: AmountAnomalyFlag | null): string | null {
  return flag === null ? null : JSON.stringify(flag);
}

/** A contract's flags: the import's, then the amount verdict. */
export function readDecpFlags(flagsJson: string | null, amountCheckJson: string | null): DecpFlag[] {
  const flags: DecpFlag[] = flagsJson === null ? [] : (JSON.parse(flagsJson) as DecpFlag[]);
  return amountCheckJson === null ? flags : [...flags, JSON.parse(amountCheckJson) as AmountAnomalyFlag];
}

export function writeDecpFlagReviews(reviews: DecpFlagReviews): string | null {
  return Object.keys(reviews).length === 0 ? null : JSON.stringify(reviews);
}

export function readDecpFlagReviews(text: string | null): DecpFlagReviews {
  return text === null ? {} : (JSON.parse(text) as DecpFlagReviews);
}
