import type { IsoDate } from '../domain/types';
import type { ContractEntryWindow } from './contract-entry-window';
import { diffDays } from './iso-date';

/** How one running contract of a member ends for the member's entry. */
export interface ContractExit {
  window: ContractEntryWindow;
  /** Day after the last day of the contract: a reachable exit date (notice respected). */
  exit: IsoDate;
  /** Set when the contract ends before the entry: a bridge must cover [exit, entry). */
  bridgeUntil: IsoDate | null;
}

export interface MemberEntryPlan {
  /** Day the member starts executing the pooled contract (its own start of execution). */
  joinDate: IsoDate;
  exits: ContractExit[];
}

export interface PlanMemberEntryOptions {
  /** Entry windows of the member's running contracts in the family (not ended, postponement applied). */
  windows: readonly ContractEntryWindow[];
  startDate: IsoDate;
  /** The member cannot enter before this date (start, or start + postponement). */
  floor: IsoDate;
  /** Longest deferral after the start preferred to a bridge contract. */
  toleranceDays: number;
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** First reachable exit ≥ date, or undefined when every exit precedes it. */
function firstExitFrom(w: ContractEntryWindow, date: IsoDate): IsoDate | undefined {
  return w.exitDates.find((d) => d >= date);
}

/** Last reachable exit ≤ date, or undefined when none is reachable by then. */
function lastExitBy(w: ContractEntryWindow, date: IsoDate): IsoDate | undefined {
  let found: IsoDate | undefined;
  for (const d of w.exitDates) if (d <= date) found = d;
  return found;
}

/**
 * The date one contract lets its holder enter a start `t`. A contract that can end exactly at
 * t enters at t. One that cannot end before t defers the entry to its first reachable exit
 * (entrée différée: the member renews until then). One that ends before t either bridges the
 * gap, or — when its next exit falls within the tolerance after t — renews until that exit
 * rather than pass a bridge contract; with no exit left after t, the bridge is the only way.
 */
function entryOfContract(w: ContractEntryWindow, t: IsoDate, toleranceDays: number): IsoDate {
  const next = firstExitFrom(w, t);
  const previous = lastExitBy(w, t);
  if (next === t || previous === undefined) return next ?? t;
  if (next !== undefined && diffDays(t, next) <= toleranceDays) return next;
  return t;
}

/**
 * Each member enters at its own date, never before a date its running contracts can reach
 * (notice respected); where a contract must end before that date, the gap is bridged.
 */
export function planMemberEntry({ windows, startDate, floor, toleranceDays }: PlanMemberEntryOptions): MemberEntryPlan {
  const base = maxDate(startDate, floor);
  let joinDate = base;
  for (const w of windows) joinDate = maxDate(joinDate, entryOfContract(w, base, toleranceDays));
  // A member enters once for the whole family: a contract that could end earlier ends at its
  // last exit before the entry and is bridged from there.
  const exits = windows.map((window): ContractExit => {
    const exit = lastExitBy(window, joinDate) ?? window.earliestEntry;
    return { window, exit, bridgeUntil: exit < joinDate ? joinDate : null };
  });
  return { joinDate, exits };
}
