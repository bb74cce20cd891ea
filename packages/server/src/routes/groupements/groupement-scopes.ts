import type { Actor, Scope } from '../../authz/actor';
import type { ScopeResolver } from '../../authz/access';

function paramOf(params: unknown, key: string): string {
  if (typeof params !== 'object' || params === null) return '';
  const value: unknown = Reflect.get(params, key);
  return typeof value === 'string' ? value : '';
}

/** The organization the caller buys for in this territory and that is among `candidates` (any of them when null). */
function ownOrganizationIn(actor: Actor, territoryId: string, candidates: readonly string[] | null): string | undefined {
  return (
    actor.grants.find(
      (g) =>
        g.territoryId === territoryId &&
        g.role === 'member' &&
        g.organizationId !== null &&
        (candidates === null || candidates.includes(g.organizationId)),
    )?.organizationId ?? undefined
  );
}

function scopeOf(territoryId: string, organizationId: string | undefined): Scope {
  return organizationId === undefined ? { territoryIds: [territoryId] } : { territoryIds: [territoryId], organizationId };
}

/**
 * The groupement `:id` in its territory. For a member buyer the scope names its organization when
 * that organization is a member of the groupement, so `groupement.read` lets members read their own groupements only.
 */
export const groupementFromParams: ScopeResolver = async (request, ctx, actor) => {
  const groupement = await ctx.repos.groupements.getById(paramOf(request.params, 'id'));
  if (!groupement) return null;
  return scopeOf(groupement.territoryId, ownOrganizationIn(actor, groupement.territoryId, groupement.memberIds));
};

/** The territory `:slug`, with the caller's own buyer organization (a member lists the groupements it belongs to). */
export const territoryForGroupements: ScopeResolver = async (request, ctx, actor) => {
  const territory = await ctx.repos.territories.getBySlug(paramOf(request.params, 'slug'));
  if (!territory) return null;
  return scopeOf(territory.id, ownOrganizationIn(actor, territory.id, null));
};

/**
 * One member's assembly pack (`:id`, `:orgId`): the scope names `:orgId` when the caller acts for it,
 * else the coordinator organization the caller acts for (a coordinator prepares every member's
 * pack), else `:orgId` — so `forOwnOrganization` lets a member read its own pack only.
 */
export const groupementMemberPack: ScopeResolver = async (request, ctx, actor) => {
  const groupement = await ctx.repos.groupements.getById(paramOf(request.params, 'id'));
  if (!groupement) return null;
  const memberId = paramOf(request.params, 'orgId');
  const acts = (organizationId: string) =>
    actor.grants.some((g) => g.territoryId === groupement.territoryId && g.role === 'member' && g.organizationId === organizationId);
  const coordinator = groupement.coordinatorIds.find(acts);
  return scopeOf(groupement.territoryId, acts(memberId) ? memberId : (coordinator ?? memberId));
};
