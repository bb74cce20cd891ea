import { type ProposedDecpNeed } from '@mutualis/core';
import type { DecpTransaction } from './decp-row-writer';
/** How many proposed needs a refresh created, changed and removed. */
export interface NeedsOutcome {
  created: number;
  updated: number;
  removed: number;
}
/** The DECP ids as stored: in full when short, else the first ones, the count left out and a digest of all. */
export declare function storedSourceRef(sourceRef: string): string;
/**
 * Recomputes the DECP-proposed needs of these buyers from all their DECP contracts now stored (core's
 * `proposeDecpNeeds`: one need per buyer and purchase family, status `proposed`, source `decp`,
 * `source_ref` = the DECP ids): creates the missing ones (stamped with `importId`), updates those
 * whose amount or sources changed, removes those no contract backs any more (an undone import).
 * A need its buyer confirmed or rejected is the buyer's: left alone. One transaction per 500 buyers.
 */
export declare function refreshDecpNeeds(
  transaction: DecpTransaction,
  options: {
    buyerIds: Iterable<string>;
    now: string;
    importId: string | null;
  },
): Promise<NeedsOutcome>;
export declare function needLabel(proposal: ProposedDecpNeed): string;
