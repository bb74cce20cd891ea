import { type LifecycleMember, type LifecycleState, PRE_LAUNCH_STATUSES, refused, type StepResult } from './lifecycle-types';

/** French refusal of a late joiner, citing the rule. */
export const LATE_JOINER_MESSAGE =
  'La procédure est lancée : les besoins sont définis avant le lancement (article L2111-1 du Code de la commande publique), ' +
  'un membre qui adhère ensuite ne peut pas bénéficier de ce marché (Rép. min. JO AN 17 mai 2011, q. n° 100136). ' +
  'Seul un groupement permanent peut l’accueillir, pour sa procédure suivante.';

/**
 * Admits a new member. Before launch it simply joins (a signed convention must then be signed by it too,
 * so the status goes back to « convention rédigée »). After launch a one-off groupement refuses it; a
 * permanent one admits it for the next procedure and leaves the frozen list of the current one intact.
 */
export function admitMember(state: LifecycleState, member: LifecycleMember): StepResult<{ joinsProcedure: number }> {
  if (state.members.some((m) => m.organizationId === member.organizationId))
    return refused({
      code: 'already_member',
      message: `${member.name} est déjà membre du groupement.`,
      organizationIds: [member.organizationId],
    });
  const isLaunched = !PRE_LAUNCH_STATUSES.includes(state.status);
  if (isLaunched && !state.isPermanent)
    return refused({ code: 'late_joiner', message: LATE_JOINER_MESSAGE, organizationIds: [member.organizationId] });
  const status = state.status === 'signed' ? 'convention_drafted' : state.status;
  const next: LifecycleState = { ...state, status, members: [...state.members, member] };
  const joinsProcedure = isLaunched ? state.procedureNumber + 1 : 1;
  return {
    ok: true,
    state: next,
    joinsProcedure,
    audit: {
      action: 'groupement.member_admitted',
      before: { status: state.status, memberIds: state.members.map((m) => m.organizationId) },
      after: { status, memberIds: next.members.map((m) => m.organizationId), joinsProcedure },
    },
  };
}
