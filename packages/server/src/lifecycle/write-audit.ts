import type { AuditDraft } from '@mutualis/core/lifecycle';
import type { Repositories } from '@mutualis/db';
import type { Actor } from '../authz/actor';

/** Who acts, when, on which groupement: everything an audit entry needs besides the draft. */
export interface AuditContext {
  actor: Actor;
  /** ISO timestamp of the server clock. */
  at: string;
  territoryId: string;
  groupementId: string;
}

/** The role the actor holds on the territory, most powerful first (facilitator acts as such). */
export function roleOf(actor: Actor, territoryId: string): string {
  const roles = actor.grants.filter((g) => g.territoryId === territoryId).map((g) => g.role);
  return (['facilitator', 'member', 'observer', 'supplier'] as const).find((r) => roles.includes(r)) ?? 'unknown';
}

/** Writes one audit entry through the transaction's repositories. */
export async function writeAudit(
  repos: Repositories,
  context: AuditContext,
  draft: AuditDraft,
  entity = { entity: 'groupement', entityId: context.groupementId },
) {
  await repos.auditLog.insert({
    territoryId: context.territoryId,
    groupementId: context.groupementId,
    at: context.at,
    userId: context.actor.userId,
    role: roleOf(context.actor, context.territoryId),
    action: draft.action,
    ...entity,
    before: draft.before,
    after: draft.after,
  });
}
