import { DomainError } from '@mutualis/core';
import { admitMember } from '@mutualis/core/lifecycle';
import { type MutualisDb, withTransaction } from '@mutualis/db';
import { loadLifecycle } from './load-lifecycle';
import { refusalError } from './refusal-error';
import { type AuditContext, writeAudit } from './write-audit';

export interface AdmitMemberUseCaseOptions {
  database: MutualisDb;
  groupementId: string;
  organizationId: string;
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

/**
 * Admits an organization of the territory into a groupement. Refused for a launched one-off groupement
 * (L2111-1; Rép. min. 2011); a permanent one admits it for its next procedure.
 */
export async function admitMemberUseCase({ database, groupementId, organizationId, audit }: AdmitMemberUseCaseOptions) {
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    const organization = await trx.organizations.getById(organizationId);
    const isInTerritory = organization !== undefined && (await trx.memberships.isMember(loaded.groupement.territoryId, organizationId));
    if (!organization || !isInTerritory)
      throw DomainError.validation('Organisation inconnue dans ce territoire.', [
        { field: 'organizationId', reason: 'Aucune organisation du territoire ne porte cet identifiant.' },
      ]);
    const result = admitMember(loaded.state, { organizationId, name: organization.name, kind: organization.kind });
    if (!result.ok) throw refusalError(result.reasons);
    await trx.groupements.update(groupementId, {
      status: result.state.status,
      memberIds: result.state.members.map((m) => m.organizationId),
    });
    await writeAudit(trx, { ...audit, territoryId: loaded.groupement.territoryId, groupementId }, result.audit);
    return { joinsProcedure: result.joinsProcedure, status: result.state.status };
  });
}
