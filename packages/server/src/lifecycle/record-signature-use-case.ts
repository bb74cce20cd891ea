import { DomainError, type FieldIssue, implausibleDateReason } from '@mutualis/core';
import { recordSignature, type SignatureInput } from '@mutualis/core/lifecycle';
import { type MutualisDb, withTransaction } from '@mutualis/db';
import { loadLifecycle } from './load-lifecycle';
import { refusalError } from './refusal-error';
import { type AuditContext, writeAudit } from './write-audit';

export interface RecordSignatureUseCaseOptions {
  database: MutualisDb;
  groupementId: string;
  input: SignatureInput;
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

/** Records a member's signature and/or deliberation with its audit entry, in one transaction; a date in the future is refused. */
export async function recordSignatureUseCase({ database, groupementId, input, audit }: RecordSignatureUseCaseOptions) {
  const today = audit.at.slice(0, 10);
  const issues = (['signedOn', 'deliberationOn'] as const).flatMap((field): FieldIssue[] => {
    const value = input[field];
    const reason = value === undefined ? null : implausibleDateReason(field, value, today);
    return reason === null ? [] : [{ field, reason }];
  });
  if (issues.length > 0) throw DomainError.validation('Date invraisemblable.', issues);
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    const result = recordSignature(loaded.state, input);
    if (!result.ok) throw refusalError(result.reasons);
    await trx.groupementSignatures.upsert(groupementId, result.record);
    await writeAudit(trx, { ...audit, territoryId: loaded.groupement.territoryId, groupementId }, result.audit, {
      entity: 'signature',
      entityId: input.organizationId,
    });
    return result.record;
  });
}
