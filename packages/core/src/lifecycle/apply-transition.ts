import type { GroupementStatus } from '../domain/types';
import { findSignatureGaps, signatureGapReasons } from './find-signature-gaps';
import { GROUPEMENT_STATUS_LABELS, type LifecycleState, type RefusalReason, refused, type StepResult } from './lifecycle-types';

/** Statuses reachable from each status; a permanent groupement may also launch again after its contract (see `nextStatuses`). */
const EDGES: Record<GroupementStatus, readonly GroupementStatus[]> = {
  draft: ['convention_drafted'],
  convention_drafted: ['signed'],
  signed: ['launched'],
  launched: ['awarded'],
  awarded: ['running'],
  running: ['closed', 'renewed'],
  renewed: ['renewed', 'closed'],
  closed: [],
};

/** Statuses the groupement may move to from its current one, before checking the conditions. */
export function nextStatuses(state: Pick<LifecycleState, 'status' | 'isPermanent'>): GroupementStatus[] {
  const edges = [...EDGES[state.status]];
  // A permanent groupement passes one procedure after the other: the next one starts when the contract is renewed or over.
  if (state.isPermanent && (state.status === 'closed' || state.status === 'renewed')) edges.push('launched');
  return edges;
}

function conditionsOf(state: LifecycleState, to: GroupementStatus): RefusalReason[] {
  switch (to) {
    case 'convention_drafted':
      return state.members.length >= 2
        ? []
        : [{ code: 'too_few_members', message: 'Un groupement de commandes réunit au moins deux acheteurs (L2113-6).' }];
    case 'signed':
    case 'launched':
      return signatureGapReasons(findSignatureGaps(state));
    case 'awarded':
      return state.awardedLotKeys.length > 0
        ? []
        : [
            {
              code: 'no_award',
              message: 'Enregistrez l’attribution d’au moins un lot (titulaire, prix, date) avant de déclarer le marché attribué.',
            },
          ];
    default:
      return [];
  }
}

function effectOf(state: LifecycleState, to: GroupementStatus): LifecycleState {
  if (to !== 'launched') return { ...state, status: to };
  // L2111-1: needs are defined before launch, so the member list of this procedure is frozen now.
  return {
    ...state,
    status: to,
    frozenMemberIds: state.members.map((m) => m.organizationId).sort(),
    procedureNumber: state.procedureNumber + 1,
    awardedLotKeys: [],
  };
}

/** Validates one status change and returns the next state with its audit entry, or every reason it is refused. */
export function applyTransition(state: LifecycleState, to: GroupementStatus): StepResult {
  if (!nextStatuses(state).includes(to)) {
    const allowed = nextStatuses(state).map((s) => `« ${GROUPEMENT_STATUS_LABELS[s]} »`);
    return refused({
      code: 'not_allowed_from',
      message: `Passage impossible de « ${GROUPEMENT_STATUS_LABELS[state.status]} » à « ${GROUPEMENT_STATUS_LABELS[to]} »${
        allowed.length > 0 ? ` ; étape suivante possible : ${allowed.join(' ou ')}` : ' : le groupement est terminé'
      }.`,
    });
  }
  const reasons = conditionsOf(state, to);
  if (reasons.length > 0) return refused(...reasons);
  const next = effectOf(state, to);
  return {
    ok: true,
    state: next,
    audit: {
      action: 'groupement.transition',
      before: { status: state.status, procedureNumber: state.procedureNumber },
      after: { status: next.status, procedureNumber: next.procedureNumber, frozenMemberIds: next.frozenMemberIds },
    },
  };
}

/** Each status reachable now, with what blocks it (empty when it can be taken). */
export function listNextSteps(state: LifecycleState): { to: GroupementStatus; blockers: RefusalReason[] }[] {
  return nextStatuses(state).map((to) => {
    const result = applyTransition(state, to);
    return { to, blockers: result.ok ? [] : result.reasons };
  });
}
