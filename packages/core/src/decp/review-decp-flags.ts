import type { RunningContract } from '../domain/types';
import { DomainError } from '../errors/domain-error';
import { DECP_FLAG_LABELS, DECP_FLAG_SUBJECTS, type DecpFlagCode, type DecpFlagReviews } from './decp-flag';
import { decpFlagStatus, decpFlagSubjectValue, type DecpFlagStatus, isDecpFlagConfirmable } from './decp-flag-status';
import { explainDecpFlag } from './explain-decp-flag';

/** One flag as the facilitator reviews it. */
export interface DecpFlagDescription {
  code: DecpFlagCode;
  label: string;
  explanation: string;
  status: DecpFlagStatus;
  isConfirmable: boolean;
  field: (typeof DECP_FLAG_SUBJECTS)[DecpFlagCode];
  confirmedBy: string | null;
  confirmedAt: string | null;
}

/** The contract's flags with their label, French explanation and status (amounts left out unless `showAmounts`). */
export function describeDecpFlags(contract: RunningContract, options: { showAmounts: boolean }): DecpFlagDescription[] {
  return (contract.decpFlags ?? []).map((flag) => {
    const status = decpFlagStatus(contract, flag);
    const review = status === 'confirmed' ? contract.decpFlagReviews?.[flag.code] : undefined;
    return {
      code: flag.code,
      label: DECP_FLAG_LABELS[flag.code],
      explanation: explainDecpFlag(flag, options),
      status,
      isConfirmable: isDecpFlagConfirmable(flag.code),
      field: DECP_FLAG_SUBJECTS[flag.code],
      confirmedBy: review?.by ?? null,
      confirmedAt: review?.at ?? null,
    };
  });
}

export interface ConfirmDecpFlagsOptions {
  contract: RunningContract;
  codes: readonly DecpFlagCode[];
  by: string;
  at: string;
}

/**
 * The reviews once these flags are confirmed as they stand (the current value of each flag's field
 * is recorded: a later change reopens the flag). Throws `validation_failed` naming `codes` for a
 * code the contract does not carry or that only a new value resolves.
 */
export function confirmDecpFlags({ contract, codes, by, at }: ConfirmDecpFlagsOptions): DecpFlagReviews {
  const carried = new Set((contract.decpFlags ?? []).map((f) => f.code));
  const issues = codes.flatMap((code, index) => {
    if (!carried.has(code)) return [{ field: `codes.${index}`, reason: `Ce marché n’a pas le signalement « ${DECP_FLAG_LABELS[code]} ».` }];
    if (!isDecpFlagConfirmable(code)) {
      return [{ field: `codes.${index}`, reason: `« ${DECP_FLAG_LABELS[code]} » ne se confirme pas : saisissez la valeur manquante.` }];
    }
    return [];
  });
  if (issues.length > 0) throw DomainError.validation('Confirmation impossible.', issues);
  const reviews: DecpFlagReviews = { ...contract.decpFlagReviews };
  for (const code of codes) reviews[code] = { value: decpFlagSubjectValue(contract, code), by, at };
  return reviews;
}
