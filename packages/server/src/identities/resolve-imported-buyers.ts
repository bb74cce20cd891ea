import { type MutualisDb, withTransaction } from '@mutualis/db';
import type { BuyerNameCollector } from './buyer-name-collector';
import { type ResolveBuyerIdentitiesResult, resolveBuyerIdentities } from './resolve-buyer-identities';

/**
 * The DECP import's one step about names: records the buyer names it met (per SIRET, with counts)
 * and resolves those buyers' identities (repaired names, budgets and services under their legal
 * unit, kinds). Runs after the contracts are written and before the amount checks, which group
 * contracts by buyer kind. What it changes is kept for the undo of import `importId`.
 */
export async function resolveImportedBuyers(
  m: MutualisDb,
  names: BuyerNameCollector,
  importId: string,
): Promise<ResolveBuyerIdentitiesResult> {
  const sirens = await withTransaction(m, (repos) => repos.buyerIdentities.recordPublishedNames(names.bySiret, { importId }));
  return resolveBuyerIdentities(m, sirens, { importId });
}
