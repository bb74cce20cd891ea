import type { MembershipRequest, MembershipRequestStatus } from '@mutualis/core/lifecycle';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { guardWrite } from '../dialect/write-error';
import type { Database, MembershipRequestTable } from '../schema';

export type NewMembershipRequest = Pick<MembershipRequest, 'groupementId' | 'organizationId' | 'message' | 'requestedBy' | 'requestedAt'>;

export interface MembershipDecision {
  status: Exclude<MembershipRequestStatus, 'pending'>;
  decidedBy: string;
  decidedAt: string;
  decisionReason: string | null;
}

/**
 * Requests to join a groupement. At most one waits per organization and groupement (the database
 * refuses a second: `conflict` naming `organizationId`); a decided request is kept as history.
 */
export function createMembershipRequestRepository(db: Kysely<Database>) {
  return {
    async insert(input: NewMembershipRequest): Promise<MembershipRequest> {
      const row = {
        id: newId(),
        groupement_id: input.groupementId,
        organization_id: input.organizationId,
        status: 'pending' as const,
        message: input.message,
        requested_by: input.requestedBy,
        requested_at: input.requestedAt,
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      };
      await guardWrite({ referenceField: 'organizationId' }, () => db.insertInto('membership_requests').values(row).execute());
      return toRequest(row);
    },

    async getById(id: string): Promise<MembershipRequest | undefined> {
      const row = await db.selectFrom('membership_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRequest(row);
    },

    /** Requests of some groupements (or of one organization), newest first; `status` narrows them. */
    async list(filter: { groupementIds?: readonly string[]; organizationId?: string; status?: MembershipRequestStatus }) {
      if (filter.groupementIds !== undefined && filter.groupementIds.length === 0) return [];
      let query = db.selectFrom('membership_requests').selectAll().orderBy('requested_at', 'desc').orderBy('id');
      if (filter.groupementIds !== undefined) query = query.where('groupement_id', 'in', [...filter.groupementIds]);
      if (filter.organizationId !== undefined) query = query.where('organization_id', '=', filter.organizationId);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(toRequest);
    },

    /** Records the decision on a request still pending; false when it was no longer pending. */
    async decide(id: string, decision: MembershipDecision): Promise<boolean> {
      const result = await db
        .updateTable('membership_requests')
        .set({
          status: decision.status,
          decided_by: decision.decidedBy,
          decided_at: decision.decidedAt,
          decision_reason: decision.decisionReason,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type MembershipRequestRepository = ReturnType<typeof createMembershipRequestRepository>;

function toRequest(row: Selectable<MembershipRequestTable>): MembershipRequest {
  return {
    id: row.id,
    groupementId: row.groupement_id,
    organizationId: row.organization_id,
    status: row.status,
    message: row.message,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
  };
}
