import type { Kysely } from 'kysely';
import type { Database } from '../schema';
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
export declare function createAuditLogRepository(db: Kysely<Database>): {
  insert(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries of one groupement or one territory, oldest first. */
  list(
    filter:
      | {
          groupementId: string;
        }
      | {
          territoryId: string;
        },
  ): Promise<AuditEntry[]>;
};
export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
