import type { IsoDate } from '../domain/types';
import { LATE_JOINER_MESSAGE } from './admit-member';
import { type AuditDraft, type LifecycleState, PRE_LAUNCH_STATUSES, type RefusalReason, refused } from './lifecycle-types';

export const MEMBERSHIP_REQUEST_STATUSES = ['pending', 'accepted', 'refused'] as const;
export type MembershipRequestStatus = (typeof MEMBERSHIP_REQUEST_STATUSES)[number];

/** An organization's request to join a groupement, waiting for (or carrying) the decision. */
export interface MembershipRequest {
  id: string;
  groupementId: string;
  organizationId: string;
  status: MembershipRequestStatus;
  /** What the requester wrote to the decider (may be empty). */
  message: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why a request was refused (or a note on an acceptance). */
  decisionReason: string | null;
}

export type RequestMembershipResult = { ok: true; audit: AuditDraft } | { ok: false; reasons: RefusalReason[] };

/**
 * Whether an organization may ask to join: it is not a member, has no request waiting, and the
 * groupement can still admit it (a launched one-off groupement cannot, L2111-1; a closed one no
 * longer buys). The request changes no membership: the facilitator, or the coordinator where the
 * convention says so, decides.
 */
export function requestMembership(
  state: LifecycleState,
  input: { organizationId: string; name: string; hasPendingRequest: boolean; message: string; requestedOn: IsoDate },
): RequestMembershipResult {
  const { organizationId, name } = input;
  if (state.members.some((m) => m.organizationId === organizationId))
    return refused({ code: 'already_member', message: `${name} est déjà membre du groupement.`, organizationIds: [organizationId] });
  if (input.hasPendingRequest)
    return refused({
      code: 'already_requested',
      message: `${name} a déjà une demande d’adhésion en attente de décision.`,
      organizationIds: [organizationId],
    });
  if (state.status === 'closed')
    return refused({ code: 'groupement_closed', message: 'Le groupement est terminé : il n’accueille plus de membre.' });
  if (!PRE_LAUNCH_STATUSES.includes(state.status) && !state.isPermanent)
    return refused({ code: 'late_joiner', message: LATE_JOINER_MESSAGE, organizationIds: [organizationId] });
  return {
    ok: true,
    audit: {
      action: 'groupement.membership_requested',
      before: null,
      after: { organizationId, message: input.message, requestedOn: input.requestedOn },
    },
  };
}

/** A decision can only be taken once, on a request still waiting. */
export function checkRequestPending(request: Pick<MembershipRequest, 'status'>): RefusalReason[] {
  return request.status === 'pending'
    ? []
    : [{ code: 'already_decided', message: `Cette demande a déjà été ${request.status === 'accepted' ? 'acceptée' : 'refusée'}.` }];
}
