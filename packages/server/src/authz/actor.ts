import type { Role } from '@mutualis/core';

/** One role of the caller on one territory (and, for members and suppliers, one organization). */
export interface Grant {
  role: Role;
  territoryId: string;
  organizationId: string | null;
}

/** The logged-in caller of a request. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  /** Hash of the session token (the sessions table key). */
  sessionId: string;
  /** An instance administrator: creates territories and their facilitators (no territory grant needed). */
  isAdmin: boolean;
  grants: readonly Grant[];
}

/** What a request touches: the territories it lives in and, when it belongs to one, its organization. */
export interface Scope {
  territoryIds: readonly string[];
  organizationId?: string;
}

export function territoryIdsOf(actor: Actor): string[] {
  return [...new Set(actor.grants.map((g) => g.territoryId))];
}

export function hasRoleIn(actor: Actor, territoryId: string, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => g.territoryId === territoryId && roles.includes(g.role));
}
