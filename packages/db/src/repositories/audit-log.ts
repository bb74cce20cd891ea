import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../schema';
import { readJson, writeJson } from './json-column';

/** One line of the audit trail: who did what to which entity, with the values before and after. */
export interface AuditEntry {
  id: number;
  territoryId: string;
  groupementId: string | null;
  /** ISO 8601 timestamp given by the caller (the server clock). */
  at: string;
  userId: string;
  role: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/**
 * The audit log: insert and list only. There is deliberately no update or delete here, and the
 * database refuses both (triggers of migration 202611280900_lifecycle). Write an entry through
 * the same transaction's repositories as the change it records.
 */
export function createAuditLogRepository(db: Kysely<Database>) {
  return {
    async insert(entry: NewAuditEntry): Promise<AuditEntry> {
      const row = await db
        .insertInto('audit_log')
        .values({
          territory_id: entry.territoryId,
          groupement_id: entry.groupementId,
          at: entry.at,
          user_id: entry.userId,
          role: entry.role,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId,
          before_json: entry.before === undefined ? null : writeJson(entry.before),
          after_json: entry.after === undefined ? null : writeJson(entry.after),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEntry(row);
    },

    /** Entries of one groupement or one territory, oldest first. */
    async list(filter: { groupementId: string } | { territoryId: string }): Promise<AuditEntry[]> {
      const query = db.selectFrom('audit_log').selectAll().orderBy('id');
      const rows = await ('groupementId' in filter
        ? query.where('groupement_id', '=', filter.groupementId)
        : query.where('territory_id', '=', filter.territoryId)
      ).execute();
      return rows.map(toEntry);
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    territoryId: row.territory_id,
    groupementId: row.groupement_id,
    at: row.at,
    userId: row.user_id,
    role: row.role,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json === null ? null : readJson<unknown>(row.before_json),
    after: row.after_json === null ? null : readJson<unknown>(row.after_json),
  };
}
