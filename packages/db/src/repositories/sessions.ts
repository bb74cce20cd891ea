import type { Kysely } from 'kysely';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';

/**
 * A login session. `id` is the SHA-256 of the cookie token. Timestamps are ISO 8601 UTC strings
 * from `Date#toISOString()`, so comparing them as text compares instants.
 */
export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export function createSessionRepository(db: Kysely<Database>) {
  return {
    async insert(session: SessionRecord): Promise<SessionRecord> {
      await guardWrite({ referenceField: 'userId' }, () =>
        db
          .insertInto('sessions')
          .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt })
          .execute(),
      );
      return session;
    },

    /** The session when it exists and expires strictly after `nowIso`. */
    async getValid(id: string, nowIso: string): Promise<SessionRecord | undefined> {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', nowIso).executeTakeFirst();
      return row && { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async deleteForUser(userId: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Deletes sessions expired at `nowIso`; returns how many. */
    async deleteExpired(nowIso: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
