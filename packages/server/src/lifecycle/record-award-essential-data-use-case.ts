import { type AwardEssentialData, DomainError } from '@mutualis/core';
import { type MutualisDb, withTransaction } from '@mutualis/db';
import { loadLifecycle } from './load-lifecycle';
import { type AuditContext, writeAudit } from './write-audit';

export interface RecordAwardEssentialDataOptions {
  database: MutualisDb;
  groupementId: string;
  lotKey: string;
  essentialData: AwardEssentialData;
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

/**
 * Records (or corrects) the DECP essential data of a lot awarded in the current procedure — the
 * award decision itself is unchanged — with its audit entry in the same transaction.
 */
export async function recordAwardEssentialDataUseCase({
  database,
  groupementId,
  lotKey,
  essentialData,
  audit,
}: RecordAwardEssentialDataOptions) {
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    const award = loaded.awards.find((a) => a.lotKey === lotKey);
    if (!award) throw new DomainError('not_found', `Aucun lot « ${lotKey} » attribué dans la procédure en cours.`);
    await trx.lotAwards.setEssentialData(award.id, essentialData);
    const context = { ...audit, territoryId: loaded.groupement.territoryId, groupementId };
    await writeAudit(
      trx,
      context,
      {
        action: 'groupement.award_essential_data',
        before: award.essentialData ?? null,
        after: { lotLabel: award.lotLabel, ...essentialData },
      },
      { entity: 'lot_award', entityId: award.id },
    );
  });
}
