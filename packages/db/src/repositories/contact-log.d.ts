import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type ListPage, type ListResult } from './list-page';
/** One exchange between the territory and a firm (R2111-1 sourcing), kept to show equal treatment. */
export interface ContactEntry {
  id: string;
  territoryId: string;
  /** The firm contacted. */
  organizationId: string;
  /** Who logged it; null once the user is deleted, or for an exchange the platform recorded. */
  userId: string | null;
  channel: string;
  subject: string;
  notes: string;
  /** ISO 8601 timestamp. */
  occurredAt: string;
}
export type NewContactEntry = Omit<ContactEntry, 'id'>;
export interface ContactFilter {
  territoryId: string;
  organizationId?: string;
}
export declare function createContactLogRepository(db: Kysely<Database>): {
  insert(input: NewContactEntry): Promise<ContactEntry>;
  /** Entries of a territory (optionally of one firm), latest first. */
  list(filter: ContactFilter, page?: ListPage): Promise<ListResult<ContactEntry>>;
};
export type ContactLogRepository = ReturnType<typeof createContactLogRepository>;
