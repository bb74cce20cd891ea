import { GROUPEMENT_STATUSES, LOCAL_AUTHORITY_KINDS, withheldReasonOf } from '@mutualis/core';
import { contractEndOn, findSignatureGaps, GROUPEMENT_STATUS_LABELS, listNextSteps } from '@mutualis/core/lifecycle';
import type { LifecycleView } from '@mutualis/contract';
import { baselineContributors, type GroupementAggregateDecider } from './decide-groupement-figures';
import type { LoadedLifecycle } from './load-lifecycle';

/** What the caller may do, decided by the routes' access policies (see routes/lifecycle). */
export type LifecycleAbilities = LifecycleView['can'];

/**
 * The lifecycle page data: stepper, members with their acts, what blocks the next step, awards and
 * the launch decision. The launch's pooled figures go through core's disclosure rule (`decide`).
 */
export function buildLifecycleView(options: {
  loaded: LoadedLifecycle;
  territorySlug: string;
  departementCodes: readonly string[];
  can: LifecycleAbilities;
  decide: GroupementAggregateDecider;
}): LifecycleView {
  const { loaded, territorySlug, departementCodes, can, decide } = options;
  const { groupement, state, launch } = loaded;
  const launchWithheld = launch ? withheldReasonOf(decide(baselineContributors(launch.values.baselines))) : null;
  const gaps = new Map(findSignatureGaps(state).map((g) => [g.organizationId, g.missing]));
  const frozen = new Set(state.frozenMemberIds ?? []);
  const nameOf = (id: string) => loaded.organizations.get(id)?.name ?? id;
  return {
    groupementId: groupement.id,
    name: groupement.name,
    territorySlug,
    status: state.status,
    statusLabel: GROUPEMENT_STATUS_LABELS[state.status],
    isPermanent: state.isPermanent,
    mandateScope: state.mandateScope,
    procedureNumber: state.procedureNumber,
    plannedLaunchOn: loaded.plannedLaunchOn,
    members: state.members.map((m) => {
      const signature = state.signatures.find((s) => s.organizationId === m.organizationId);
      return {
        organizationId: m.organizationId,
        name: m.name,
        kind: m.kind,
        isCoordinator: state.coordinatorIds.includes(m.organizationId),
        needsDeliberation: LOCAL_AUTHORITY_KINDS.includes(m.kind),
        isFrozen: frozen.has(m.organizationId),
        joinsNextProcedure: state.frozenMemberIds !== null && !frozen.has(m.organizationId),
        signedOn: signature?.signedOn ?? null,
        deliberationOn: signature?.deliberationOn ?? null,
        deliberationReference: signature?.deliberationReference ?? null,
        missing: gaps.get(m.organizationId) ?? [],
      };
    }),
    steps: GROUPEMENT_STATUSES.filter((s) => s !== 'renewed' || state.status === 'renewed').map((status) => ({
      status,
      label: GROUPEMENT_STATUS_LABELS[status],
    })),
    nextSteps: listNextSteps(state).map((s) => ({ to: s.to, label: GROUPEMENT_STATUS_LABELS[s.to], blockers: s.blockers })),
    awards: loaded.awards.map((a) => ({
      lotKey: a.lotKey,
      lotLabel: a.lotLabel,
      holderSiret: a.holderSiret,
      holderName: a.holderName,
      holderIsLocal: a.holderDepartementCode !== null && departementCodes.includes(a.holderDepartementCode),
      holderIsSme: a.holderIsSme,
      unitPriceCents: a.price.kind === 'unit' ? a.price.unitPriceCents : null,
      amountCents: a.price.kind === 'amount' ? a.price.amountCents : null,
      awardedOn: a.awardedOn,
      startOn: a.startOn,
      endOn: contractEndOn(a.startOn, a.durationMonths),
      contracts: a.contracts.map((c) => ({ ...c, signatoryName: nameOf(c.signatoryId) })),
      essentialData: a.essentialData ?? null,
    })),
    launch: launch && {
      launchedOn: launch.values.launchedOn,
      estimatedValueCents: launchWithheld === null ? launch.values.estimatedValueCents : null,
      procedureLabel: launch.values.procedure?.labelFr ?? 'Procédure non déterminée',
      thresholdVersionId: launch.values.procedure?.thresholdVersionId ?? '',
      savings: launchWithheld === null ? launch.values.savings : null,
      quantityUnit: launch.values.quantityUnit,
      plannedAwardOn: launch.values.planned?.awardOn ?? null,
      plannedStartOn: launch.values.planned?.startOn ?? null,
      withheld: launchWithheld,
    },
    can,
  };
}
