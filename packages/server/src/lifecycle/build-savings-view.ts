import { SAVINGS_CAVEAT, withheldReasonOf } from '@mutualis/core';
import { computeSavingsPipeline } from '@mutualis/core/lifecycle';
import type { SavingsView } from '@mutualis/contract';
import type { Repositories } from '@mutualis/db';
import { baselineContributors, type GroupementAggregateDecider } from './decide-groupement-figures';
import { baselinesOf, type LoadedLifecycle } from './load-lifecycle';

/**
 * Savings of the current procedure from estimate to reality. `onlyOrganizationId` narrows member
 * lines to one member (a member buyer never reads another member's figures); totals and lots are
 * aggregates, shown as core's disclosure rule decides (`decide`). A member's own estimate comes
 * from the whole pool, and so does its commitment on a lot priced as a whole (shared by amounts):
 * those go with the aggregates they are computed from.
 */
export async function buildSavingsView(options: {
  repos: Repositories;
  loaded: LoadedLifecycle;
  onlyOrganizationId?: string;
  decide: GroupementAggregateDecider;
}): Promise<SavingsView> {
  const { repos, loaded, onlyOrganizationId, decide } = options;
  const procedureNumber = loaded.state.procedureNumber;
  const consumption = (await repos.consumption.listByGroupements([loaded.groupement.id])).filter(
    (c) => c.procedureNumber === procedureNumber,
  );
  const baselines = baselinesOf(loaded);
  const pipeline = computeSavingsPipeline({ baselines, awards: loaded.awards, consumption });
  const totalDecision = decide(baselineContributors(baselines));
  const lotShown = new Map(loaded.awards.map((a) => [a.lotKey, decide(a.coverage.map((c) => c.organizationId)).isShown] as const));
  const sharedByAmount = new Set(loaded.awards.filter((a) => a.price.kind === 'amount').map((a) => a.lotKey));
  const members = pipeline.members
    .filter((m) => onlyOrganizationId === undefined || m.organizationId === onlyOrganizationId)
    .map((m) => {
      const commitmentShown = pipeline.lines
        .filter((l) => l.organizationId === m.organizationId && sharedByAmount.has(l.lotKey))
        .every((l) => lotShown.get(l.lotKey) === true);
      return {
        ...m,
        name: loaded.organizations.get(m.organizationId)?.name ?? m.organizationId,
        estimated: totalDecision.isShown ? m.estimated : null,
        committedSpendCents: commitmentShown ? m.committedSpendCents : null,
        committedSavingsCents: commitmentShown ? m.committedSavingsCents : null,
      };
    });
  return {
    procedureNumber,
    total: totalDecision.isShown ? pipeline.total : null,
    members,
    lots: pipeline.lots.filter((l) => lotShown.get(l.lotKey) === true),
    caveat: SAVINGS_CAVEAT,
    withheld: withheldReasonOf(totalDecision),
  };
}
