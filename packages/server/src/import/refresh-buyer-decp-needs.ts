import type { RunningContract } from '@mutualis/core';
import { createDecpStore, type MutualisDb } from '@mutualis/db';

/**
 * After DECP contracts were confirmed, corrected or removed by hand (screen or census sheet): their
 * buyers' proposed needs follow at once (a confirmed amount enters the estimates, a corrected CPV
 * code moves the contract to its family), as an import would leave them. Contracts declared by a
 * member propose no need: they are passed over.
 */
export async function refreshBuyerDecpNeeds(
  m: MutualisDb,
  contracts: readonly Pick<RunningContract, 'source' | 'organizationId'>[],
  now: string,
): Promise<void> {
  const buyers = new Set(contracts.filter((c) => c.source === 'decp').map((c) => c.organizationId));
  if (buyers.size > 0) await createDecpStore(m).refreshNeeds(buyers, now, null);
}
