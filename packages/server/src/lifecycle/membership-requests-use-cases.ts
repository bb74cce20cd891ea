import { DomainError } from '@mutualis/core';
import { checkRequestPending, type MembershipRequest, requestMembership } from '@mutualis/core/lifecycle';
import { type MutualisDb, withTransaction } from '@mutualis/db';
import { admitMemberIn, organizationOfTerritory } from './admit-member-use-case';
import { loadLifecycle } from './load-lifecycle';
import { refusalError } from './refusal-error';
import { type AuditContext, writeAudit } from './write-audit';

type Audit = Omit<AuditContext, 'groupementId' | 'territoryId'>;

export interface RequestMembershipUseCaseOptions {
  database: MutualisDb;
  groupementId: string;
  organizationId: string;
  message: string;
  audit: Audit;
}

/** Stores an organization's request to join (it waits for a decision; membership does not change), audited. */
export async function requestMembershipUseCase(options: RequestMembershipUseCaseOptions): Promise<MembershipRequest> {
  const { database, groupementId, organizationId, message, audit } = options;
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    const organization = await organizationOfTerritory(trx, loaded.groupement.territoryId, organizationId);
    const pending = await trx.membershipRequests.list({ groupementIds: [groupementId], organizationId, status: 'pending' });
    const result = requestMembership(loaded.state, {
      organizationId,
      name: organization.name,
      hasPendingRequest: pending.length > 0,
      message,
      requestedOn: audit.at.slice(0, 10),
    });
    if (!result.ok) throw refusalError(result.reasons);
    const request = await trx.membershipRequests.insert({
      groupementId,
      organizationId,
      message,
      requestedBy: audit.actor.userId,
      requestedAt: audit.at,
    });
    await writeAudit(trx, { ...audit, territoryId: loaded.groupement.territoryId, groupementId }, result.audit, {
      entity: 'membership_request',
      entityId: request.id,
    });
    return request;
  });
}

export interface DecideMembershipUseCaseOptions {
  database: MutualisDb;
  requestId: string;
  decision: 'accept' | 'refuse';
  reason: string | null;
  audit: Audit;
}

/**
 * Decides a waiting request, in one transaction with its consequence: an acceptance admits the
 * organization (the lifecycle's rules apply: a launched one-off groupement refuses it, and the
 * request then stays pending), a refusal records why. Both are audited.
 */
export async function decideMembershipUseCase(options: DecideMembershipUseCaseOptions): Promise<MembershipRequest> {
  const { database, requestId, decision, reason, audit } = options;
  return withTransaction(database, async (trx) => {
    const request = await trx.membershipRequests.getById(requestId);
    if (!request) throw new DomainError('not_found', 'Demande d’adhésion introuvable.');
    const notPending = checkRequestPending(request);
    if (notPending.length > 0) throw refusalError(notPending);
    const groupement = await trx.groupements.getById(request.groupementId);
    if (!groupement) throw new DomainError('not_found', 'Groupement introuvable.');
    if (decision === 'accept') {
      await admitMemberIn(trx, { groupementId: groupement.id, organizationId: request.organizationId, audit, requestId });
    } else {
      await writeAudit(
        trx,
        { ...audit, territoryId: groupement.territoryId, groupementId: groupement.id },
        {
          action: 'groupement.membership_refused',
          before: { status: 'pending' },
          after: { organizationId: request.organizationId, reason },
        },
        { entity: 'membership_request', entityId: request.id },
      );
    }
    const decided = await trx.membershipRequests.decide(request.id, {
      status: decision === 'accept' ? 'accepted' : 'refused',
      decidedBy: audit.actor.userId,
      decidedAt: audit.at,
      decisionReason: reason,
    });
    if (!decided) throw refusalError(checkRequestPending({ status: 'accepted' }));
    const stored = await trx.membershipRequests.getById(request.id);
    if (!stored) throw new DomainError('internal', 'Demande d’adhésion disparue.');
    return stored;
  });
}
