import type { Groupement } from '@mutualis/core';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../../app/server-context';
import type { ScopeResolver } from '../../authz/access';
import type { Actor, Scope } from '../../authz/actor';

// Scope resolvers of admissions. A member buyer decides only as the coordinator of a groupement
// whose convention gives admissions to the coordinator (`admissionsBy`); otherwise the scope names
// no organization and the policy table lets the facilitator alone decide.

function param(request: FastifyRequest, key: string): string {
  const value: unknown = typeof request.params === 'object' && request.params !== null ? Reflect.get(request.params, key) : undefined;
  return typeof value === 'string' ? value : '';
}

/** The caller's coordinator organization when the groupement's admissions are the coordinator's. */
function deciderOrganization(actor: Actor, groupement: Groupement): string | undefined {
  if (groupement.admissionsBy !== 'coordinator') return undefined;
  return (
    actor.grants.find(
      (g) =>
        g.territoryId === groupement.territoryId &&
        g.role === 'member' &&
        g.organizationId !== null &&
        groupement.coordinatorIds.includes(g.organizationId),
    )?.organizationId ?? undefined
  );
}

function deciderScope(actor: Actor, groupement: Groupement): Scope {
  const organizationId = deciderOrganization(actor, groupement);
  return organizationId === undefined
    ? { territoryIds: [groupement.territoryId] }
    : { territoryIds: [groupement.territoryId], organizationId };
}

/** The groupement `:id`, for deciding who joins it. */
export const groupementOfAdmissionDecider: ScopeResolver = async (request, ctx, actor) => {
  const groupement = await ctx.repos.groupements.getById(param(request, 'id'));
  return groupement ? deciderScope(actor, groupement) : null;
};

/** The groupement of the request `:id`, for deciding it. */
export const requestOfAdmissionDecider: ScopeResolver = async (request, ctx: ServerContext, actor) => {
  const stored = await ctx.repos.membershipRequests.getById(param(request, 'id'));
  const groupement = stored ? await ctx.repos.groupements.getById(stored.groupementId) : undefined;
  return groupement ? deciderScope(actor, groupement) : null;
};
