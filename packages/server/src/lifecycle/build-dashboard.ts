import { type Groupement, type IsoDate, type Territory, type WithheldReason, withheldReasonOf } from '@mutualis/core';
import {
  computeSavingsPipeline,
  contractEndOn,
  type DashboardGroupement,
  GROUPEMENT_STATUS_LABELS,
  summariseDashboard,
} from '@mutualis/core/lifecycle';
import type { DashboardDto } from '@mutualis/contract';
import type { Repositories } from '@mutualis/db';
import { mergeFamilies } from '../analysis';
import { resolveGroupementFamily } from '../groupements';
import type { LaunchValues } from '@mutualis/core/lifecycle';
import { baselineContributors, type GroupementAggregateDecider } from './decide-groupement-figures';
import { departementsOfTerritory } from './departements-of-territory';
import { loadMemberContracts } from './load-member-contracts';

/**
 * Loads every groupement of the territory with its current procedure and summarises them (core).
 * `deciderOf` applies core's disclosure rule for the reader: a groupement whose figures it may not
 * read counts in statuses and calendar, but adds nothing to the totals.
 */
export async function buildDashboard(options: {
  repos: Repositories;
  territory: Territory;
  now: IsoDate;
  deciderOf: (groupement: Groupement) => Promise<GroupementAggregateDecider>;
}): Promise<DashboardDto> {
  const { repos, territory, now, deciderOf } = options;
  const groupements = await repos.groupements.list({ territoryId: territory.id });
  const ids = groupements.map((g) => g.id);
  const storedFamilies = repos.families.list({ territoryId: territory.id });
  const [departementCodes, families, awards, consumption, plans, snapshots, memberContracts] = await Promise.all([
    departementsOfTerritory(repos, territory.id),
    storedFamilies,
    repos.lotAwards.listByGroupements(ids),
    repos.consumption.listByGroupements(ids),
    repos.groupementPlans.listByGroupements(ids),
    Promise.all(ids.map((id) => repos.decisionSnapshots.list(id))),
    storedFamilies.then((stored) => loadMemberContracts({ repos, groupements, families: mergeFamilies(stored) })),
  ]);
  const deciders = await Promise.all(groupements.map(deciderOf));
  const withheldReasons: WithheldReason[] = [];
  const items = groupements.map((g, index): DashboardGroupement => {
    const launch = (snapshots[index] ?? []).filter((s) => s.kind === 'launch').at(-1);
    const procedureNumber = launch?.procedureNumber ?? 0;
    const ownAwards = awards.filter((a) => a.groupementId === g.id && a.procedureNumber === procedureNumber);
    const ownConsumption = consumption.filter((c) => c.groupementId === g.id && c.procedureNumber === procedureNumber);
    const values = launch?.values as LaunchValues | undefined;
    const decision = values ? deciders[index]?.(baselineContributors(values.baselines)) : undefined;
    if (decision && !decision.isShown) withheldReasons.push(decision.reason);
    const isShown = decision?.isShown === true;
    const pipeline = values
      ? computeSavingsPipeline({ baselines: values.baselines, awards: ownAwards, consumption: ownConsumption })
      : null;
    return {
      id: g.id,
      name: g.name,
      familyName: resolveGroupementFamily(g.familyId, mergeFamilies(families)).name,
      status: g.status,
      plannedLaunchOn: plans.get(g.id) ?? null,
      savings: isShown ? (pipeline?.total ?? null) : null,
      awards: ownAwards.map((a) => ({
        lotLabel: a.lotLabel,
        holderName: a.holderName,
        holderDepartementCode: a.holderDepartementCode,
        holderIsSme: a.holderIsSme,
        // A withheld groupement's spend adds nothing to the reader's totals.
        committedSpendCents: isShown ? (pipeline?.lots.find((l) => l.lotKey === a.lotKey)?.committedSpendCents ?? 0) : 0,
        endOn: contractEndOn(a.startOn, a.durationMonths),
      })),
      memberContracts: memberContracts.get(g.id) ?? [],
    };
  });
  const summary = summariseDashboard({ now, departementCodes, groupements: items });
  return {
    ...summary,
    territory: { slug: territory.slug, name: territory.name },
    byStatus: summary.byStatus.map((s) => ({ ...s, label: GROUPEMENT_STATUS_LABELS[s.status] })),
    groupements: items.map((g) => ({
      id: g.id,
      name: g.name,
      status: g.status,
      statusLabel: GROUPEMENT_STATUS_LABELS[g.status],
      estimatedCents: g.savings?.estimated.central ?? null,
      committedCents: g.savings?.committedSavingsCents ?? null,
      committedUnknown: g.savings?.committedUnknown ?? null,
      realisedCents: g.savings?.realisedSavingsCents ?? null,
      realisedUnknown: g.savings?.realisedUnknown ?? null,
    })),
    withheldGroupements: withheldReasons.length,
    withheld: withheldReasons[0] === undefined ? null : withheldReasonOf({ isShown: false, reason: withheldReasons[0] }),
  };
}
