import type { Role } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, UserTable } from '../schema';

/** A stored account. Emails are stored trimmed and lower-cased, and unique. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
}

export interface NewUser {
  id?: string;
  email: string;
  name: string;
  passwordHash: string;
}

export interface NewUserRole {
  userId: string;
  role: Role;
  territoryId: string;
  /** The organization a member buyer or supplier acts for; null for facilitators and observers. */
  organizationId: string | null;
}

/** A role of a user, with the names the UI shows. */
export interface UserRoleRecord extends NewUserRole {
  id: string;
  territorySlug: string;
  territoryName: string;
  organizationName: string | null;
}

export function createUserRepository(db: Kysely<Database>) {
  return {
    async getById(id: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    /** Case-insensitive: the email is normalised before lookup. */
    async getByEmail(email: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
      return row && toUser(row);
    },

    /** Throws `DomainError('conflict')` naming `email` when the address is taken. */
    async insert(input: NewUser): Promise<UserRecord> {
      const row = await guardWrite({ referenceField: 'id' }, () =>
        db
          .insertInto('users')
          .values({
            id: input.id ?? newId(),
            email: normalizeEmail(input.email),
            name: input.name,
            password_hash: input.passwordHash,
            created_at: nowIso(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toUser(row);
    },

    async updatePasswordHash(id: string, passwordHash: string): Promise<boolean> {
      const result = await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Returns the id of the new role. Unknown user, territory or organization → `DomainError('validation_failed')`. */
    async addRole(input: NewUserRole): Promise<string> {
      const id = newId();
      await guardWrite({ referenceField: 'territoryId' }, () =>
        db
          .insertInto('user_roles')
          .values({
            id,
            user_id: input.userId,
            role: input.role,
            territory_id: input.territoryId,
            organization_id: input.organizationId,
          })
          .execute(),
      );
      return id;
    },

    async removeRole(roleId: string): Promise<boolean> {
      const result = await db.deleteFrom('user_roles').where('id', '=', roleId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** Every role of the user, ordered by territory name then role. */
    async listRoles(userId: string): Promise<UserRoleRecord[]> {
      const rows = await db
        .selectFrom('user_roles')
        .innerJoin('territories', 'territories.id', 'user_roles.territory_id')
        .leftJoin('organizations', 'organizations.id', 'user_roles.organization_id')
        .select([
          'user_roles.id',
          'user_roles.user_id',
          'user_roles.role',
          'user_roles.territory_id',
          'user_roles.organization_id',
          'territories.slug as territory_slug',
          'territories.name as territory_name',
          'organizations.name as organization_name',
        ])
        .where('user_roles.user_id', '=', userId)
        .orderBy('territories.name')
        .orderBy('user_roles.role')
        .orderBy('user_roles.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        role: r.role,
        territoryId: r.territory_id,
        territorySlug: r.territory_slug,
        territoryName: r.territory_name,
        organizationId: r.organization_id,
        organizationName: r.organization_name,
      }));
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: Selectable<UserTable>): UserRecord {
  return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, createdAt: row.created_at };
}
