import type { Groupement } from '@mutualis/core';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../../app/server-context';
import type { ScopeResolver } from '../../authz/access';
import type { Actor, Scope } from '../../authz/actor';

// Scope resolvers of the lifecycle routes. A groupement lives in its territory; the organization of
// the scope says for whom the caller acts, so the policy table's `forOwnOrganization` rule applies.

function param(request: FastifyRequest, key: string): string {
  const value: unknown = typeof request.params === 'object' && request.params !== null ? Reflect.get(request.params, key) : undefined;
  return typeof value === 'string' ? value : '';
}

function bodyField(request: FastifyRequest, key: string): unknown {
  return typeof request.body === 'object' && request.body !== null ? Reflect.get(request.body, key) : undefined;
}

async function groupementScope(
  request: FastifyRequest,
  ctx: ServerContext,
  organizationOf: (groupement: Groupement) => string | undefined,
): Promise<Scope | null> {
  const groupement = await ctx.repos.groupements.getById(param(request, 'id'));
  if (!groupement) return null;
  const organizationId = organizationOf(groupement);
  return organizationId === undefined
    ? { territoryIds: [groupement.territoryId] }
    : { territoryIds: [groupement.territoryId], organizationId };
}

/** The caller's own organizations among `candidates` (a member acts for its organization only). */
function ownAmong(actor: Actor, groupement: Groupement, candidates: readonly string[]): string | undefined {
  return (
    actor.grants.find((g) => g.territoryId === groupement.territoryId && g.organizationId !== null && candidates.includes(g.organizationId))
      ?.organizationId ?? undefined
  );
}

/** Reading a groupement's lifecycle: a member buyer reads it when its organization is a member. */
export const groupementOfMember: ScopeResolver = (request, ctx, actor) =>
  groupementScope(request, ctx, (g) => ownAmong(actor, g, g.memberIds));

/** Running the procedure (steps, awards, imports): a member buyer acts only for a coordinator organization (L2113-7). */
export const groupementOfCoordinator: ScopeResolver = (request, ctx, actor) =>
  groupementScope(request, ctx, (g) => ownAmong(actor, g, g.coordinatorIds));

/** Acts for the organization named in the body (`organizationId`): a member may only name its own. */
export const groupementForBodyOrganization: ScopeResolver = (request, ctx) =>
  groupementScope(request, ctx, () => {
    const id = bodyField(request, 'organizationId');
    return typeof id === 'string' ? id : '';
  });

/** Consumption lines: the one organization they all belong to (several organizations: facilitator only). */
export const groupementForEntriesOrganization: ScopeResolver = (request, ctx) =>
  groupementScope(request, ctx, () => {
    const entries = bodyField(request, 'entries');
    const ids = new Set(
      Array.isArray(entries)
        ? entries.map((e: unknown) => (typeof e === 'object' && e !== null ? Reflect.get(e, 'organizationId') : ''))
        : [],
    );
    const [only] = ids;
    return ids.size === 1 && typeof only === 'string' ? only : '';
  });
