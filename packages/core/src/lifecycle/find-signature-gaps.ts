import { LOCAL_AUTHORITY_KINDS } from '../domain/types';
import type { LifecycleState, RefusalReason } from './lifecycle-types';

/** One member that still has to sign the convention or, for a local authority, deliberate. */
export interface SignatureGap {
  organizationId: string;
  name: string;
  missing: ('signature' | 'deliberation')[];
}

/** Members of the groupement whose signature or deliberation is missing, in member order. */
export function findSignatureGaps(state: Pick<LifecycleState, 'members' | 'signatures'>): SignatureGap[] {
  const byOrganization = new Map(state.signatures.map((s) => [s.organizationId, s]));
  return state.members.flatMap((member): SignatureGap[] => {
    const record = byOrganization.get(member.organizationId);
    const missing: SignatureGap['missing'] = [];
    if (!record?.signedOn) missing.push('signature');
    // CE 25 avril 1994 Région d'Aquitaine: a local authority signs only once its assembly deliberated.
    const needsDeliberation = LOCAL_AUTHORITY_KINDS.includes(member.kind);
    if (needsDeliberation && (!record?.deliberationOn || !record.deliberationReference)) missing.push('deliberation');
    return missing.length === 0 ? [] : [{ organizationId: member.organizationId, name: member.name, missing }];
  });
}

/** The gaps as refusal reasons, one per kind of missing act, naming who must act. */
export function signatureGapReasons(gaps: readonly SignatureGap[]): RefusalReason[] {
  const unsigned = gaps.filter((g) => g.missing.includes('signature'));
  const undeliberated = gaps.filter((g) => g.missing.includes('deliberation'));
  const reasons: RefusalReason[] = [];
  if (unsigned.length > 0) {
    reasons.push({
      code: 'missing_signature',
      message: `La convention constitutive doit être signée par tous les membres avant le lancement ; manque la signature de : ${names(unsigned)}.`,
      organizationIds: unsigned.map((g) => g.organizationId),
    });
  }
  if (undeliberated.length > 0) {
    reasons.push({
      code: 'missing_deliberation',
      message: `Une collectivité adhère par délibération de son assemblée (date et référence) ; manque la délibération de : ${names(undeliberated)}.`,
      organizationIds: undeliberated.map((g) => g.organizationId),
    });
  }
  return reasons;
}

const names = (gaps: readonly SignatureGap[]) => gaps.map((g) => g.name).join(', ');
