import { DomainError, sirenOf } from '@mutualis/core';
import { createRepositories, type MutualisDb, withTransaction } from '@mutualis/db';
import { resolveBuyerIdentities } from './resolve-buyer-identities';

export interface ReviewBuyerNameOptions {
  organizationId: string;
  /** The corrected name; absent when the facilitator confirms the name as it stands. */
  name?: string;
  by: string;
  at: string;
}

/**
 * The facilitator checks a buyer's name: confirms it as it stands, or corrects it (a typed name,
 * which later resolutions keep). The identity is resolved again: off the review list while it
 * bears the name checked.
 */
export async function reviewBuyerName(m: MutualisDb, options: ReviewBuyerNameOptions): Promise<void> {
  const organization = await createRepositories(m).organizations.getById(options.organizationId);
  if (!organization) throw new DomainError('not_found', 'Organisation introuvable.');
  const name = options.name ?? organization.name;
  await withTransaction(m, async (repos) => {
    if (options.name !== undefined && options.name !== organization.name) await repos.organizations.update(organization.id, { name });
    await repos.buyerIdentities.saveNameReview(organization.id, { name, by: options.by, at: options.at });
  });
  await resolveBuyerIdentities(m, [sirenOf(organization.siret)]);
}
