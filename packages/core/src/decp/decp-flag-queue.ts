import { DECP_FLAG_CODES, type DecpFlagCode } from './decp-flag';
import { decpFlagStatus, type DecpFlagFacts } from './decp-flag-status';

/** `pending`: the contracts with a flag still to look at (neither confirmed nor corrected); `all`: every flagged contract. */
export type DecpFlagQueueStatus = 'pending' | 'all';

export type DecpFlagQueueEntry = DecpFlagFacts & { id: string };

export interface DecpFlagQueue {
  /** Ids of the contracts the filter keeps, in the order they were given. */
  ids: string[];
  /** Flagged contracts, and those with a flag still to look at. */
  totals: Record<DecpFlagQueueStatus, number>;
  /** Per flag code: the contracts that carry it, and those where it is still to look at. */
  counts: Record<DecpFlagQueueStatus, Record<DecpFlagCode, number>>;
}

/**
 * The facilitator's review list of flagged DECP contracts: those carrying a flag (of `code` when
 * given) or, with `status` `pending`, a flag still to look at (`decpFlagStatus`: neither confirmed
 * as it stands nor corrected since); and the counts its filters show.
 */
export function queueDecpFlags(
  entries: readonly DecpFlagQueueEntry[],
  filter: { code?: DecpFlagCode; status: DecpFlagQueueStatus },
): DecpFlagQueue {
  const zero = () => Object.fromEntries(DECP_FLAG_CODES.map((c) => [c, 0])) as Record<DecpFlagCode, number>;
  const queue: DecpFlagQueue = { ids: [], totals: { pending: 0, all: 0 }, counts: { pending: zero(), all: zero() } };
  for (const entry of entries) {
    const flags = entry.decpFlags ?? [];
    if (flags.length === 0) continue;
    let isPending = false;
    let isKept = false;
    for (const flag of flags) {
      const pending = decpFlagStatus(entry, flag) === 'pending';
      queue.counts.all[flag.code] += 1;
      if (pending) queue.counts.pending[flag.code] += 1;
      isPending ||= pending;
      if (filter.code === undefined || flag.code === filter.code) isKept ||= filter.status === 'all' || pending;
    }
    queue.totals.all += 1;
    if (isPending) queue.totals.pending += 1;
    if (isKept) queue.ids.push(entry.id);
  }
  return queue;
}
