import type { AccountDto } from '@mutualis/contract';
import type { AccountHolder } from '@mutualis/core';
import type { AccountRecord } from '@mutualis/db';
import type { Actor } from '../authz/actor';

/** The API view of an account; `territoryIds` keeps only the roles the caller may know of. */
export function presentAccount(account: AccountRecord, territoryIds?: readonly string[]): AccountDto {
  const roles = territoryIds === undefined ? account.roles : account.roles.filter((r) => territoryIds.includes(r.territoryId));
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    isAdmin: account.isAdmin,
    hasPassword: account.hasPassword,
    roles: roles.map((r) => ({
      id: r.id,
      role: r.role,
      territorySlug: r.territorySlug,
      territoryName: r.territoryName,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
    })),
  };
}

export function holderOfActor(actor: Actor): AccountHolder {
  return { isAdmin: actor.isAdmin, grants: actor.grants };
}

export function holderOfAccount(account: AccountRecord): AccountHolder {
  return { isAdmin: account.isAdmin, grants: account.roles };
}
