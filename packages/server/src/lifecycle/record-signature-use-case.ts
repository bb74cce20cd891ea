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

/** Records a member's signature and/or deliberation with its audit entry, in one transaction. */
export async function recordSignatureUseCase({ database, groupementId, input, audit }: RecordSignatureUseCaseOptions) {
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
