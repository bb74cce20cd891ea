import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { AuthTokenPurpose, AuthTokenTable } from '../schema-territory-setup';

/** A one-time link as stored: the hash of its token, never the token. */
export interface AuthTokenRecord {
  id: string;
  tokenHash: string;
  purpose: AuthTokenPurpose;
  userId: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export type NewAuthToken = Omit<AuthTokenRecord, 'id' | 'usedAt'>;

const CONTEXT = { referenceField: 'userId' };

/**
 * One-time links (invitation, password reset, first administrator). Timestamps are ISO 8601 UTC
 * strings, so text comparison compares instants.
 */
export function createAuthTokenRepository(db: Kysely<Database>) {
  return {
    async insert(token: NewAuthToken): Promise<AuthTokenRecord> {
      const id = newId();
      await guardWrite(CONTEXT, () =>
        db
          .insertInto('auth_tokens')
          .values({
            id,
            token_hash: token.tokenHash,
            purpose: token.purpose,
            user_id: token.userId,
            created_by: token.createdBy,
            created_at: token.createdAt,
            expires_at: token.expiresAt,
            used_at: null,
          })
          .execute(),
      );
      return { ...token, id, usedAt: null };
    },

    /** The link when it exists, is unused and expires strictly after `nowIso`. */
    async getUsable(tokenHash: string, nowIso: string): Promise<AuthTokenRecord | undefined> {
      const row = await db
        .selectFrom('auth_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      return row && toToken(row);
    },

    /**
     * Marks the link used if it still is usable, in one conditional UPDATE: of two concurrent uses,
     * exactly one gets the record back.
     */
    async consume(tokenHash: string, nowIso: string): Promise<AuthTokenRecord | undefined> {
      const row = await db
        .updateTable('auth_tokens')
        .set({ used_at: nowIso })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .returningAll()
        .executeTakeFirst();
      return row && toToken(row);
    },

    /** Ends every unused link of the user with one of `purposes` (a new link replaces the old ones). */
    async revokeForUser(userId: string, purposes: readonly AuthTokenPurpose[], nowIso: string): Promise<number> {
      const result = await db
        .updateTable('auth_tokens')
        .set({ used_at: nowIso })
        .where('user_id', '=', userId)
        .where('purpose', 'in', [...purposes])
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Ends every unused first-administrator link. */
    async revokeSetupLinks(nowIso: string): Promise<number> {
      const result = await db
        .updateTable('auth_tokens')
        .set({ used_at: nowIso })
        .where('purpose', '=', 'setup')
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** The most recent link of the user with this purpose, used or not. */
    async latestForUser(userId: string, purpose: AuthTokenPurpose): Promise<AuthTokenRecord | undefined> {
      const row = await db
        .selectFrom('auth_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .executeTakeFirst();
      return row && toToken(row);
    },

    /** Deletes links expired or used before `beforeIso`; returns how many. */
    async deleteStale(beforeIso: string): Promise<number> {
      const result = await db
        .deleteFrom('auth_tokens')
        .where((eb) => eb.or([eb('expires_at', '<', beforeIso), eb('used_at', '<', beforeIso)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type AuthTokenRepository = ReturnType<typeof createAuthTokenRepository>;

function toToken(row: Selectable<AuthTokenTable>): AuthTokenRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    purpose: row.purpose,
    userId: row.user_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}
