import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { ContactLogTable } from '../schema-local-capacity';
import { DEFAULT_PAGE, type ListPage, type ListResult } from './list-page';

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

const CONTEXT = { referenceField: 'organizationId' };

export function createContactLogRepository(db: Kysely<Database>) {
  return {
    async insert(input: NewContactEntry): Promise<ContactEntry> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('contact_log')
          .values({
            id: newId(),
            territory_id: input.territoryId,
            organization_id: input.organizationId,
            user_id: input.userId,
            channel: input.channel,
            subject: input.subject,
            notes: input.notes,
            occurred_at: input.occurredAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toEntry(row);
    },

    /** Entries of a territory (optionally of one firm), latest first. */
    async list(filter: ContactFilter, page: ListPage = DEFAULT_PAGE): Promise<ListResult<ContactEntry>> {
      let base = db.selectFrom('contact_log').where('territory_id', '=', filter.territoryId);
      if (filter.organizationId !== undefined) base = base.where('organization_id', '=', filter.organizationId);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('occurred_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toEntry), total: Number(count.total) };
    },
  };
}

export type ContactLogRepository = ReturnType<typeof createContactLogRepository>;

function toEntry(row: Selectable<ContactLogTable>): ContactEntry {
  return {
    id: row.id,
    territoryId: row.territory_id,
    organizationId: row.organization_id,
    userId: row.user_id,
    channel: row.channel,
    subject: row.subject,
    notes: row.notes,
    occurredAt: row.occurred_at,
  };
}
