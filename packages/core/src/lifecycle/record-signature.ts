import type { IsoDate } from '../domain/types';
import { type LifecycleState, PRE_LAUNCH_STATUSES, refused, type SignatureRecord, type StepResult } from './lifecycle-types';

/** Acts a member records; omitted fields keep their stored value. */
export interface SignatureInput {
  organizationId: string;
  signedOn?: IsoDate;
  deliberationOn?: IsoDate;
  deliberationReference?: string;
}

function isFrozenOut(state: LifecycleState, organizationId: string): boolean {
  if (PRE_LAUNCH_STATUSES.includes(state.status)) return false;
  // After launch the signatures of that procedure are history; a permanent groupement's newcomers sign for the next one.
  return !state.isPermanent || (state.frozenMemberIds ?? []).includes(organizationId);
}

/** Records a member's signature of the convention and, for a local authority, its deliberation. */
export function recordSignature(state: LifecycleState, input: SignatureInput): StepResult<{ record: SignatureRecord }> {
  if (state.status === 'draft')
    return refused({
      code: 'convention_not_drafted',
      message: 'La convention n’est pas encore rédigée : passez d’abord à « Convention rédigée ».',
    });
  if (!state.members.some((m) => m.organizationId === input.organizationId))
    return refused({
      code: 'not_member',
      message: 'Cette organisation n’est pas membre du groupement.',
      organizationIds: [input.organizationId],
    });
  if (isFrozenOut(state, input.organizationId))
    return refused({
      code: 'signatures_frozen',
      message: 'La procédure est lancée : les adhésions de ses membres sont arrêtées et ne se modifient plus.',
    });
  if (input.signedOn === undefined && input.deliberationOn === undefined && input.deliberationReference === undefined)
    return refused({ code: 'nothing_recorded', message: 'Indiquez une date de signature ou une délibération.' });
  const before = state.signatures.find((s) => s.organizationId === input.organizationId);
  const record: SignatureRecord = {
    organizationId: input.organizationId,
    signedOn: input.signedOn ?? before?.signedOn ?? null,
    deliberationOn: input.deliberationOn ?? before?.deliberationOn ?? null,
    deliberationReference: input.deliberationReference ?? before?.deliberationReference ?? null,
  };
  // The assembly authorises the signature (CE 25 avril 1994, Région d'Aquitaine): it deliberates first.
  if (record.signedOn !== null && record.deliberationOn !== null && record.deliberationOn > record.signedOn)
    return refused({
      code: 'deliberation_after_signature',
      message: `La délibération (${record.deliberationOn}) doit précéder la signature (${record.signedOn}) qu’elle autorise.`,
      organizationIds: [input.organizationId],
    });
  const signatures = [...state.signatures.filter((s) => s.organizationId !== input.organizationId), record];
  return {
    ok: true,
    state: { ...state, signatures },
    record,
    audit: { action: 'groupement.signature', before: before ?? null, after: record },
  };
}
