import type { Role } from '../domain/types';

/** A role held on one territory, for one organization when it is a member's or a supplier's. */
export interface AccountGrant {
  role: Role;
  territoryId: string;
  organizationId: string | null;
}

export interface AccountHolder {
  isAdmin: boolean;
  grants: readonly AccountGrant[];
}

/**
 * Whether `manager` may act on `target`'s account (send it a one-time link, remove it): an
 * administrator manages every account; anyone else only accounts whose every role is under its
 * control — on a territory it facilitates, or for an organization it acts for as member or
 * supplier. Otherwise a facilitator of one territory could take over, by a password-reset link,
 * an account that also runs another territory.
 */
export function canManageAccount(manager: AccountHolder, target: AccountHolder): boolean {
  if (manager.isAdmin) return true;
  if (target.isAdmin || target.grants.length === 0) return false;
  return target.grants.every((role) => controls(manager.grants, role));
}

function controls(grants: readonly AccountGrant[], role: AccountGrant): boolean {
  return grants.some(
    (g) =>
      g.territoryId === role.territoryId &&
      (g.role === 'facilitator' ||
        (g.organizationId !== null &&
          g.organizationId === role.organizationId &&
          (g.role === 'member' || g.role === 'supplier') &&
          (role.role === 'member' || role.role === 'supplier'))),
  );
}
