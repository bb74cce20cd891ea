import { createFamilyMembership, type Groupement, type PurchaseFamily } from '@mutualis/core';
import type { DashboardMemberContract } from '@mutualis/core/lifecycle';
import type { Repositories } from '@mutualis/db';

const ALL = { limit: 1_000_000, offset: 0 };

/**
 * Each groupement's member contracts of its family (by groupement id): the running contracts the
 * members must stop, whose non-renewal notices the dashboard's calendar shows. Reads only the
 * members' contracts, never the territory's whole DECP history.
 */
export async function loadMemberContracts(options: {
  repos: Repositories;
  groupements: readonly Groupement[];
  families: readonly PurchaseFamily[];
}): Promise<Map<string, DashboardMemberContract[]>> {
  const { repos, groupements, families } = options;
  const memberIds = [...new Set(groupements.flatMap((g) => g.memberIds))];
  const loaded = await Promise.all(
    memberIds.map(async (id) => {
      const [organization, contracts] = await Promise.all([
        repos.organizations.getById(id),
        repos.runningContracts.list({ organizationId: id }, ALL),
      ]);
      return [id, { name: organization?.name ?? id, contracts: contracts.items }] as const;
    }),
  );
  const byMember = new Map(loaded);
  return new Map(
    groupements.map((g) => {
      const isInFamily = createFamilyMembership({ families, familyId: g.familyId });
      const contracts = g.memberIds.flatMap((id) => {
        const member = byMember.get(id);
        return (member?.contracts ?? []).filter(isInFamily).map((contract) => ({ organizationName: member?.name ?? id, contract }));
      });
      return [g.id, contracts];
    }),
  );
}
