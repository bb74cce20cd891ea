import type { Role } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
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
export declare function createUserRepository(db: Kysely<Database>): {
  getById(id: string): Promise<UserRecord | undefined>;
  /** Case-insensitive: the email is normalised before lookup. */
  getByEmail(email: string): Promise<UserRecord | undefined>;
  /** Throws `DomainError('conflict')` naming `email` when the address is taken. */
  insert(input: NewUser): Promise<UserRecord>;
  updatePasswordHash(id: string, passwordHash: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Returns the id of the new role. Unknown user, territory or organization → `DomainError('validation_failed')`. */
  addRole(input: NewUserRole): Promise<string>;
  removeRole(roleId: string): Promise<boolean>;
  /** Every role of the user, ordered by territory name then role. */
  listRoles(userId: string): Promise<UserRoleRecord[]>;
};
export type UserRepository = ReturnType<typeof createUserRepository>;
