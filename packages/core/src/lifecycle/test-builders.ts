import type { LifecycleMember, LifecycleState, SignatureRecord } from './lifecycle-types';

/** A commune (deliberation required) and a hospital (no deliberation). */
export const COMMUNE: LifecycleMember = { organizationId: 'org-commune', name: 'Commune de Cognac', kind: 'commune' };
export const HOSPITAL: LifecycleMember = { organizationId: 'org-hopital', name: 'Centre hospitalier', kind: 'hospital' };
export const NEWCOMER: LifecycleMember = { organizationId: 'org-nouvelle', name: 'Commune de Jarnac', kind: 'commune' };

export function buildLifecycleState(overrides: Partial<LifecycleState> = {}): LifecycleState {
  return {
    status: 'draft',
    isPermanent: false,
    mandateScope: 'procedure_signature',
    members: [COMMUNE, HOSPITAL],
    coordinatorIds: [COMMUNE.organizationId],
    signatures: [],
    frozenMemberIds: null,
    procedureNumber: 0,
    awardedLotKeys: [],
    ...overrides,
  };
}

/** A complete accession: signed, with a deliberation for a local authority. */
export function buildSignature(member: LifecycleMember, overrides: Partial<SignatureRecord> = {}): SignatureRecord {
  const isLocal = member.kind === 'commune';
  return {
    organizationId: member.organizationId,
    signedOn: '2026-03-10',
    deliberationOn: isLocal ? '2026-02-20' : null,
    deliberationReference: isLocal ? 'DEL-2026-014' : null,
    ...overrides,
  };
}

export const ALL_SIGNED = [buildSignature(COMMUNE), buildSignature(HOSPITAL)];
