import type { Kysely } from 'kysely';
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
export declare function createSessionRepository(db: Kysely<Database>): {
  insert(session: SessionRecord): Promise<SessionRecord>;
  /** The session when it exists and expires strictly after `nowIso`. */
  getValid(id: string, nowIso: string): Promise<SessionRecord | undefined>;
  delete(id: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<number>;
  /** Deletes sessions expired at `nowIso`; returns how many. */
  deleteExpired(nowIso: string): Promise<number>;
};
export type SessionRepository = ReturnType<typeof createSessionRepository>;
