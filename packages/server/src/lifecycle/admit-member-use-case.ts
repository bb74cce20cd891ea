import { DomainError } from '@mutualis/core';
import { admitMember } from '@mutualis/core/lifecycle';
import { type MutualisDb, type Repositories, withTransaction } from '@mutualis/db';
import { loadLifecycle } from './load-lifecycle';
import { refusalError } from './refusal-error';
import { type AuditContext, writeAudit } from './write-audit';

export interface AdmitMemberUseCaseOptions {
  database: MutualisDb;
  groupementId: string;
  organizationId: string;
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

/** The organization, when it belongs to the groupement's territory; a validation error naming `organizationId` otherwise. */
export async function organizationOfTerritory(trx: Repositories, territoryId: string, organizationId: string) {
  const organization = await trx.organizations.getById(organizationId);
  const isInTerritory = organization !== undefined && (await trx.memberships.isMember(territoryId, organizationId));
  if (!organization || !isInTerritory)
    throw DomainError.validation('Organisation inconnue dans ce territoire.', [
      { field: 'organizationId', reason: 'Aucune organisation du territoire ne porte cet identifiant.' },
    ]);
  return organization;
}

/**
 * Admits an organization into a groupement within the caller's transaction (`trx`). Refused for a
 * launched one-off groupement (L2111-1; Rép. min. 2011); a permanent one admits it for its next procedure.
 */
export async function admitMemberIn(trx: Repositories, options: Omit<AdmitMemberUseCaseOptions, 'database'> & { requestId?: string }) {
  const { groupementId, organizationId, audit, requestId } = options;
  const loaded = await loadLifecycle(trx, groupementId);
  const organization = await organizationOfTerritory(trx, loaded.groupement.territoryId, organizationId);
  const result = admitMember(loaded.state, { organizationId, name: organization.name, kind: organization.kind });
  if (!result.ok) throw refusalError(result.reasons);
  await trx.groupements.update(groupementId, {
    status: result.state.status,
    memberIds: result.state.members.map((m) => m.organizationId),
  });
  const draft = requestId === undefined ? result.audit : { ...result.audit, after: { ...(result.audit.after as object), requestId } };
  await writeAudit(trx, { ...audit, territoryId: loaded.groupement.territoryId, groupementId }, draft);
  return { joinsProcedure: result.joinsProcedure, status: result.state.status };
}

/** Admits an organization of the territory into a groupement (one transaction). */
export async function admitMemberUseCase({ database, ...options }: AdmitMemberUseCaseOptions) {
  return withTransaction(database, (trx) => admitMemberIn(trx, options));
}
