import type { GroupementStatus, IsoDate, MandateScope, OrganizationKind } from '../domain/types';

/** A member of a groupement as the lifecycle sees it: the kind decides whether a deliberation is required. */
export interface LifecycleMember {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
}

/** What a member recorded of its accession to the convention. */
export interface SignatureRecord {
  organizationId: string;
  signedOn: IsoDate | null;
  /** Local authorities only: date and reference of the deliberation authorising the signature. */
  deliberationOn: IsoDate | null;
  deliberationReference: string | null;
}

/** Everything the state machine needs to decide a step; plain data loaded by the caller. */
export interface LifecycleState {
  status: GroupementStatus;
  isPermanent: boolean;
  mandateScope: MandateScope;
  members: readonly LifecycleMember[];
  coordinatorIds: readonly string[];
  signatures: readonly SignatureRecord[];
  /** Members frozen at the launch of the current procedure; null before the first launch. */
  frozenMemberIds: readonly string[] | null;
  /** 0 before the first launch; a permanent groupement counts one procedure per launch. */
  procedureNumber: number;
  /** Lots awarded in the current procedure. */
  awardedLotKeys: readonly string[];
}

/** Why a step was refused; `organizationIds` names who must act when someone must. */
export type RefusalCode =
  | 'not_allowed_from'
  | 'too_few_members'
  | 'missing_signature'
  | 'missing_deliberation'
  | 'no_award'
  | 'late_joiner'
  | 'already_member'
  | 'not_member'
  | 'convention_not_drafted'
  | 'signatures_frozen'
  | 'deliberation_after_signature'
  | 'nothing_recorded'
  | 'not_awarding'
  | 'duplicate_lot'
  | 'not_frozen_member'
  | 'already_requested'
  | 'already_decided'
  | 'groupement_closed';

export interface RefusalReason {
  code: RefusalCode;
  /** French, for the person who must act. */
  message: string;
  organizationIds?: string[];
}

export type LifecycleAction =
  | 'groupement.transition'
  | 'groupement.signature'
  | 'groupement.member_admitted'
  | 'groupement.award'
  | 'groupement.award_essential_data'
  | 'groupement.consumption'
  | 'groupement.consumption_import'
  | 'groupement.membership_requested'
  | 'groupement.membership_refused'
  | 'decision.snapshot';

/** The audit entry a successful step produces; the caller adds who, when and the entity. */
export interface AuditDraft {
  action: LifecycleAction;
  before: unknown;
  after: unknown;
}

/** Outcome of every lifecycle step: the next state and its audit entry, or the reasons of the refusal. */
export type StepResult<Extra = object> =
  | ({ ok: true; state: LifecycleState; audit: AuditDraft } & Extra)
  | { ok: false; reasons: RefusalReason[] };

export const PRE_LAUNCH_STATUSES: readonly GroupementStatus[] = ['draft', 'convention_drafted', 'signed'];

/** French labels of the statuses, as the stepper shows them. */
export const GROUPEMENT_STATUS_LABELS: Record<GroupementStatus, string> = {
  draft: 'Projet',
  convention_drafted: 'Convention rédigée',
  signed: 'Convention signée',
  launched: 'Procédure lancée',
  awarded: 'Marché attribué',
  running: 'Marché en cours',
  closed: 'Terminé',
  renewed: 'Reconduit',
};

export function refused(...reasons: RefusalReason[]): { ok: false; reasons: RefusalReason[] } {
  return { ok: false, reasons };
}
