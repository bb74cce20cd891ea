import { SAVINGS_CAVEAT } from '@mutualis/core';
import { computeSavingsPipeline } from '@mutualis/core/lifecycle';
import type { SavingsView } from '@mutualis/contract';
import type { Repositories } from '@mutualis/db';
import { baselinesOf, type LoadedLifecycle } from './load-lifecycle';

/**
 * Savings of the current procedure from estimate to reality. `onlyOrganizationId` narrows member
 * lines to one member (a member buyer never reads another member's figures); totals stay pooled.
 */
export async function buildSavingsView(options: {
  repos: Repositories;
  loaded: LoadedLifecycle;
  onlyOrganizationId?: string;
}): Promise<SavingsView> {
  const { repos, loaded, onlyOrganizationId } = options;
  const procedureNumber = loaded.state.procedureNumber;
  const consumption = (await repos.consumption.listByGroupements([loaded.groupement.id])).filter(
    (c) => c.procedureNumber === procedureNumber,
  );
  const pipeline = computeSavingsPipeline({ baselines: baselinesOf(loaded), awards: loaded.awards, consumption });
  const members = pipeline.members
    .filter((m) => onlyOrganizationId === undefined || m.organizationId === onlyOrganizationId)
    .map((m) => ({ ...m, name: loaded.organizations.get(m.organizationId)?.name ?? m.organizationId }));
  return { procedureNumber, total: pipeline.total, members, lots: pipeline.lots, caveat: SAVINGS_CAVEAT };
}
