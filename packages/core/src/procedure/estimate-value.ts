import type { Cents, ContractNature } from '../domain/types';

/** Shape of the pooled contract whose value is estimated. */
export interface ContractTerm {
  /** Firm initial period, months. */
  initialMonths: number;
  renewalCount: number;
  renewalMonths: number;
  nature: ContractNature;
  /** Accord-cadre maximum as a multiple of the estimated need (margin for volatile demand). */
  frameworkMaximumRatio: number;
}

/** Default pooled contract: 1 year renewable 3 times, accord-cadre with a maximum at 120 % of the need. */
export const DEFAULT_CONTRACT_TERM: ContractTerm = {
  initialMonths: 12,
  renewalCount: 3,
  renewalMonths: 12,
  nature: 'accord_cadre',
  frameworkMaximumRatio: 1.2,
};

/** Total duration of a contract term including every renewal, in months. */
export function totalTermMonths(term: ContractTerm): number {
  return term.initialMonths + term.renewalCount * term.renewalMonths;
}

/**
 * Estimated value of the need (R2121-1): the annual amount of all members and lots over the
 * whole duration including renewals; for an accord-cadre, its maximum over the duration (R2121-8).
 */
export function estimateValue(annualAmountCents: Cents, term: ContractTerm): Cents {
  const overDuration = (annualAmountCents * totalTermMonths(term)) / 12;
  const ratio = term.nature === 'accord_cadre' ? term.frameworkMaximumRatio : 1;
  return Math.round(overDuration * ratio);
}
