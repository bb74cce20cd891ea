import type { RunningContract } from '@mutualis/core';
import { createDecpStore } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';

/**
 * After a DECP contract was confirmed, corrected or removed by hand: its buyer's proposed needs
 * follow at once (a confirmed amount enters the estimates, a corrected CPV code moves the contract
 * to its family), as an import would leave them. A contract declared by a member proposes no need.
 */
export async function refreshBuyerDecpNeeds(
  ctx: ServerContext,
  contract: Pick<RunningContract, 'source' | 'organizationId'>,
): Promise<void> {
  if (contract.source !== 'decp') return;
  await createDecpStore(ctx.database).refreshNeeds([contract.organizationId], ctx.now().toISOString(), null);
}
