import { DomainError, type Groupement, type Organization } from '@mutualis/core';
import type { LifecycleState, MemberBaseline } from '@mutualis/core/lifecycle';
import type { DecisionSnapshot, Repositories, StoredLotAward } from '@mutualis/db';
import type { LaunchValues } from '@mutualis/core/lifecycle';

/** A groupement with its lifecycle state and what was decided for its current procedure. */
export interface LoadedLifecycle {
  groupement: Groupement;
  organizations: Map<string, Organization>;
  state: LifecycleState;
  plannedLaunchOn: string | null;
  /** Launch snapshot of the current procedure; null before the first launch. */
  launch: DecisionSnapshot<LaunchValues> | null;
  /** Awards of the current procedure. */
  awards: StoredLotAward[];
}

/** Loads the lifecycle of a groupement through `repos` (the transaction's ones when writing). */
export async function loadLifecycle(repos: Repositories, groupementId: string): Promise<LoadedLifecycle> {
  const groupement = await repos.groupements.getById(groupementId);
  if (!groupement) throw new DomainError('not_found', 'Groupement introuvable.');
  const [members, signatures, snapshots, allAwards, plan] = await Promise.all([
    Promise.all(groupement.memberIds.map((id) => repos.organizations.getById(id))),
    repos.groupementSignatures.list(groupement.id),
    repos.decisionSnapshots.list(groupement.id),
    repos.lotAwards.listByGroupements([groupement.id]),
    repos.groupementPlans.get(groupement.id),
  ]);
  const organizations = new Map(members.flatMap((o) => (o ? [[o.id, o] as const] : [])));
  const launches = snapshots.filter((s) => s.kind === 'launch') as DecisionSnapshot<LaunchValues>[];
  const launch = launches.at(-1) ?? null;
  const procedureNumber = launch?.procedureNumber ?? 0;
  const awards = allAwards.filter((a) => a.procedureNumber === procedureNumber && procedureNumber > 0);
  const state: LifecycleState = {
    status: groupement.status,
    isPermanent: groupement.isPermanent,
    mandateScope: groupement.mandateScope,
    members: groupement.memberIds.map((id) => {
      const organization = organizations.get(id);
      return { organizationId: id, name: organization?.name ?? id, kind: organization?.kind ?? 'other_public' };
    }),
    coordinatorIds: groupement.coordinatorIds,
    signatures,
    frozenMemberIds: launch?.values.memberIds ?? null,
    procedureNumber,
    awardedLotKeys: awards.map((a) => a.lotKey),
  };
  return { groupement, organizations, state, plannedLaunchOn: plan.plannedLaunchOn, launch, awards };
}

/** Baselines of the launch snapshot (empty before launch). */
export function baselinesOf(loaded: Pick<LoadedLifecycle, 'launch'>): MemberBaseline[] {
  return loaded.launch?.values.baselines ?? [];
}
