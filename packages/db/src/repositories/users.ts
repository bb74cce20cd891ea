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
  /** '' while the account waits for its invitation to be accepted. */
  passwordHash: string;
  createdAt: string;
  isAdmin: boolean;
}

export interface NewUser {
  id?: string;
  email: string;
  name: string;
  /** '' for an invited account: nobody can sign in until a password is set from the link. */
  passwordHash: string;
  isAdmin?: boolean;
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

/** An account as the people who manage it see it: never its password hash. */
export interface AccountRecord {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** False while the invitation has not been accepted. */
  hasPassword: boolean;
  createdAt: string;
  /** The roles the listing was about (one territory, one organization, or all). */
  roles: UserRoleRecord[];
}

export function createUserRepository(db: Kysely<Database>) {
  /** Roles with their user, territory and organization names, ordered by territory name then role. */
  const roleRows = () =>
    db
      .selectFrom('user_roles')
      .innerJoin('territories', 'territories.id', 'user_roles.territory_id')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
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
        'users.email as user_email',
        'users.name as user_name',
        'users.password_hash as user_password_hash',
        'users.is_admin as user_is_admin',
        'users.created_at as user_created_at',
      ])
      .orderBy('territories.name')
      .orderBy('user_roles.role')
      .orderBy('user_roles.id');

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
            is_admin: input.isAdmin ? 1 : 0,
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

    async updateName(id: string, name: string): Promise<boolean> {
      const result = await db.updateTable('users').set({ name }).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async countAdmins(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('is_admin', '=', 1)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Accounts holding a role on the territory, with those roles, ordered by name then e-mail. */
    async listForTerritory(territoryId: string): Promise<AccountRecord[]> {
      return accountsOf(await roleRows().where('user_roles.territory_id', '=', territoryId).execute());
    },

    /** Accounts acting for the organization (members, suppliers), with those roles. */
    async listForOrganization(organizationId: string): Promise<AccountRecord[]> {
      return accountsOf(await roleRows().where('user_roles.organization_id', '=', organizationId).execute());
    },

    /** Every account with a role on one of the territories or an administrator flag, with all its roles. */
    async listAccounts(filter: { userIds: readonly string[] }): Promise<AccountRecord[]> {
      if (filter.userIds.length === 0) return [];
      const users = await db
        .selectFrom('users')
        .selectAll()
        .where('id', 'in', [...filter.userIds])
        .execute();
      const roles = await roleRows()
        .where('user_roles.user_id', 'in', [...filter.userIds])
        .execute();
      return users.map((u) => toAccount(u, roles.filter((r) => r.user_id === u.id).map(toRole))).sort(byNameThenEmail);
    },

    async listAdmins(): Promise<AccountRecord[]> {
      const users = await db.selectFrom('users').selectAll().where('is_admin', '=', 1).execute();
      return users.map((u) => toAccount(u, [])).sort(byNameThenEmail);
    },

    /** Removes the user's roles for the organization on the given territories; returns how many. */
    async removeOrganizationRoles(input: { userId: string; organizationId: string; territoryIds: readonly string[] }): Promise<number> {
      if (input.territoryIds.length === 0) return 0;
      const result = await db
        .deleteFrom('user_roles')
        .where('user_id', '=', input.userId)
        .where('organization_id', '=', input.organizationId)
        .where('territory_id', 'in', [...input.territoryIds])
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Removes every role of the user on the territory; returns how many. */
    async removeTerritoryRoles(input: { userId: string; territoryId: string }): Promise<number> {
      const result = await db
        .deleteFrom('user_roles')
        .where('user_id', '=', input.userId)
        .where('territory_id', '=', input.territoryId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
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
      const rows = await roleRows().where('user_roles.user_id', '=', userId).execute();
      return rows.map(toRole);
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: Selectable<UserTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    isAdmin: row.is_admin !== 0,
  };
}

interface RoleRow {
  id: string;
  user_id: string;
  role: Role;
  territory_id: string;
  organization_id: string | null;
  territory_slug: string;
  territory_name: string;
  organization_name: string | null;
  user_email: string;
  user_name: string;
  user_password_hash: string;
  user_is_admin: number;
  user_created_at: string;
}

function toRole(r: RoleRow): UserRoleRecord {
  return {
    id: r.id,
    userId: r.user_id,
    role: r.role,
    territoryId: r.territory_id,
    territorySlug: r.territory_slug,
    territoryName: r.territory_name,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
  };
}

function toAccount(
  user: Pick<Selectable<UserTable>, 'id' | 'email' | 'name' | 'password_hash' | 'is_admin' | 'created_at'>,
  roles: UserRoleRecord[],
): AccountRecord {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.is_admin !== 0,
    hasPassword: user.password_hash !== '',
    createdAt: user.created_at,
    roles,
  };
}

/** Groups role rows by user into accounts. */
function accountsOf(rows: readonly RoleRow[]): AccountRecord[] {
  const byUser = new Map<string, AccountRecord>();
  for (const row of rows) {
    const account =
      byUser.get(row.user_id) ??
      toAccount(
        {
          id: row.user_id,
          email: row.user_email,
          name: row.user_name,
          password_hash: row.user_password_hash,
          is_admin: row.user_is_admin,
          created_at: row.user_created_at,
        },
        [],
      );
    account.roles.push(toRole(row));
    byUser.set(row.user_id, account);
  }
  return [...byUser.values()].sort(byNameThenEmail);
}

function byNameThenEmail(a: AccountRecord, b: AccountRecord): number {
  return a.name.localeCompare(b.name, 'fr') || a.email.localeCompare(b.email);
}
