import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { AccountRequestStatus, AccountRequestTable } from '../schema-territory-setup';

/** A firm's request for an account on a territory, made from the public forecast page. */
export interface AccountRequest {
  id: string;
  territoryId: string;
  siret: string;
  organizationName: string;
  inseeCode: string;
  contactName: string;
  /** Trimmed and lower-cased. */
  email: string;
  phone: string;
  message: string;
  status: AccountRequestStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string;
  /** The organization the approval created or reused. */
  organizationId: string | null;
}

export type NewAccountRequest = Omit<AccountRequest, 'id' | 'status' | 'decidedAt' | 'decidedBy' | 'decisionNote' | 'organizationId'>;

export interface AccountRequestDecision {
  status: Exclude<AccountRequestStatus, 'pending'>;
  decidedAt: string;
  decidedBy: string;
  decisionNote: string;
  organizationId: string | null;
}

const CONTEXT = { referenceField: 'territoryId' };

export function createAccountRequestRepository(db: Kysely<Database>) {
  return {
    async insert(input: NewAccountRequest): Promise<AccountRequest> {
      const request: AccountRequest = {
        ...input,
        email: input.email.trim().toLowerCase(),
        id: newId(),
        status: 'pending',
        decidedAt: null,
        decidedBy: null,
        decisionNote: '',
        organizationId: null,
      };
      await guardWrite(CONTEXT, () =>
        db
          .insertInto('account_requests')
          .values({
            id: request.id,
            territory_id: request.territoryId,
            siret: request.siret,
            organization_name: request.organizationName,
            insee_code: request.inseeCode,
            contact_name: request.contactName,
            email: request.email,
            phone: request.phone,
            message: request.message,
            status: request.status,
            created_at: request.createdAt,
            decided_at: null,
            decided_by: null,
            decision_note: '',
            organization_id: null,
          })
          .execute(),
      );
      return request;
    },

    async getById(id: string): Promise<AccountRequest | undefined> {
      const row = await db.selectFrom('account_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRequest(row);
    },

    /** The territory's requests, pending first then newest first. */
    async listForTerritory(territoryId: string, filter: { status?: AccountRequestStatus } = {}): Promise<AccountRequest[]> {
      let query = db.selectFrom('account_requests').selectAll().where('territory_id', '=', territoryId);
      if (filter.status) query = query.where('status', '=', filter.status);
      const rows = await query
        .orderBy((eb) => eb.case().when('status', '=', 'pending').then(0).else(1).end())
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(500)
        .execute();
      return rows.map(toRequest);
    },

    async countPending(territoryId: string, filter: { email?: string; siret?: string } = {}): Promise<number> {
      let query = db
        .selectFrom('account_requests')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('territory_id', '=', territoryId)
        .where('status', '=', 'pending');
      if (filter.email !== undefined) query = query.where('email', '=', filter.email.trim().toLowerCase());
      if (filter.siret !== undefined) query = query.where('siret', '=', filter.siret);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },

    /** Records the decision if the request is still pending; undefined when it was not (already decided or absent). */
    async decide(id: string, decision: AccountRequestDecision): Promise<AccountRequest | undefined> {
      const row = await db
        .updateTable('account_requests')
        .set({
          status: decision.status,
          decided_at: decision.decidedAt,
          decided_by: decision.decidedBy,
          decision_note: decision.decisionNote,
          organization_id: decision.organizationId,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      return row && toRequest(row);
    },
  };
}

export type AccountRequestRepository = ReturnType<typeof createAccountRequestRepository>;

function toRequest(row: Selectable<AccountRequestTable>): AccountRequest {
  return {
    id: row.id,
    territoryId: row.territory_id,
    siret: row.siret,
    organizationName: row.organization_name,
    inseeCode: row.insee_code,
    contactName: row.contact_name,
    email: row.email,
    phone: row.phone,
    message: row.message,
    status: row.status,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    organizationId: row.organization_id,
  };
}
