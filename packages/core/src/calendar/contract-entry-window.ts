import type { IsoDate, RunningContract } from '../domain/types';
import { addDays, addMonths } from './iso-date';

/** When a member bound by a running contract can enter a new pooled contract. */
export interface ContractEntryWindow {
  contractId: string;
  reference: string;
  /** Earliest entry E: day after the end of the period the member can still decide not to renew. */
  earliestEntry: IsoDate;
  /** Latest entry L: day after the end with every renewal used. */
  latestEntry: IsoDate;
  /** Days after the end of each period from `earliestEntry` on (possible exit dates, ascending). */
  exitDates: IsoDate[];
  noticeMonths: number;
  /** Amount of the contract as awarded (maximum of an accord-cadre), null when unknown. */
  amountCents: number | null;
  /** The contract's amount per year (its amount over every period ÷ years), null when unknown. */
  annualisedCents: number | null;
  /** True when the non-renewal notice of the current period has passed, so the next renewal is automatic. */
  isNextRenewalAutomatic: boolean;
  /** True when the contract has ended before `now`. */
  hasEnded: boolean;
}

/** Last day to notify non-renewal so that the contract ends the day before `exitDate`. */
export function nonRenewalDeadline(exitDate: IsoDate, noticeMonths: number): IsoDate {
  return addDays(addMonths(exitDate, -noticeMonths), -1);
}

/**
 * Computes E and L of a running contract. Period k ends the day before
 * start + initial + k × renewal months; renewals are tacit, so once the notice date of the
 * current period has passed the next period is certain.
 */
export function contractEntryWindow(contract: RunningContract, now: IsoDate): ContractEntryWindow {
  // Each boundary is computed once (the loops below revisit them).
  const boundaries: IsoDate[] = [];
  const boundary = (k: number): IsoDate =>
    (boundaries[k] ??= addMonths(contract.startDate, contract.durationMonths + k * contract.renewalMonths));
  const last = contract.renewalCount;
  const latestEntry = boundary(last);
  let k = Math.min(contract.renewalsUsed, last);
  // Stale data: periods already elapsed were renewed.
  while (k < last && boundary(k) <= now) k += 1;
  const currentPeriod = k;
  while (k < last && nonRenewalDeadline(boundary(k), contract.noticeMonths) < now) k += 1;
  const exitDates: IsoDate[] = [];
  for (let j = k; j <= last; j += 1) exitDates.push(boundary(j));
  return {
    contractId: contract.id,
    reference: contract.reference,
    earliestEntry: boundary(k),
    latestEntry,
    exitDates,
    noticeMonths: contract.noticeMonths,
    amountCents: contract.amountCents,
    annualisedCents: annualised(contract),
    isNextRenewalAutomatic: k > currentPeriod,
    hasEnded: latestEntry <= now,
  };
}

function annualised(contract: RunningContract): number | null {
  const months = contract.durationMonths + contract.renewalCount * contract.renewalMonths;
  return contract.amountCents === null || months <= 0 ? null : (contract.amountCents * 12) / months;
}
