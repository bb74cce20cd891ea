import { DomainError } from '@mutualis/core';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../app/server-context';
import { territorySlugsOf } from '../cache/territory-slugs';
import { type Actor, type Scope, territoryIdsOf } from './actor';
import type { ScopeResolver } from './access';

// Scope resolvers read only what the route's zod schemas already validated.
function field(source: unknown, key: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value: unknown = Reflect.get(source, key);
  return typeof value === 'string' ? value : undefined;
}

async function organizationScope(ctx: ServerContext, organizationId: string | undefined): Promise<Scope | null> {
  if (organizationId === undefined) return null;
  const territoryIds = await ctx.repos.memberships.listTerritoryIds(organizationId);
  return territoryIds.length === 0 ? null : { territoryIds, organizationId };
}

/** The id of the territory `slug` names, or null (remembered while the territory is unchanged). */
function territoryIdOf(ctx: ServerContext, slug: string): Promise<string | null> {
  return territorySlugsOf(ctx.database).idOf(slug, (s) => ctx.repos.territories.getBySlug(s));
}

/** The territory named by `slug` (route parameter). */
export const territoryFromParams: ScopeResolver = async (request, ctx) => {
  const territoryId = await territoryIdOf(ctx, field(request.params, 'slug') ?? '');
  return territoryId === null ? null : { territoryIds: [territoryId] };
};

/**
 * The territory a list is about: `?territory=slug`, or the caller's only territory. With several
 * territories and no slug the caller must choose. `?organization=` narrows the scope.
 */
export const territoryFromQuery: ScopeResolver = async (request, ctx, actor) => {
  const territoryId = await resolveListTerritory(request, ctx, actor, field(request.query, 'territory'));
  if (territoryId === null) return null;
  const organizationId = field(request.query, 'organization');
  return organizationId === undefined ? { territoryIds: [territoryId] } : { territoryIds: [territoryId], organizationId };
};

async function resolveListTerritory(
  _request: FastifyRequest,
  ctx: ServerContext,
  actor: Actor,
  slug: string | undefined,
): Promise<string | null> {
  if (slug !== undefined) return territoryIdOf(ctx, slug);
  const own = territoryIdsOf(actor);
  // No territory role (an administrator): no territory to default to, as outside one's territories.
  if (own.length === 0) return null;
  if (own.length === 1 && own[0] !== undefined) return own[0];
  throw DomainError.validation('Précisez le territoire.', [
    { field: 'territory', reason: 'Vous avez des rôles sur plusieurs territoires : choisissez-en un.' },
  ]);
}

/** The organization `:id` (or `:organizationId`) and every territory it belongs to. */
export const organizationFromParams: ScopeResolver = (request, ctx) =>
  organizationScope(ctx, field(request.params, 'organizationId') ?? field(request.params, 'id'));

/** The organization a created record will belong to (`organizationId` of the body). */
export const organizationFromBody: ScopeResolver = (request, ctx) => organizationScope(ctx, field(request.body, 'organizationId'));

/** The territory an organization is created in (`territory` slug of the body). */
export const territoryFromBody: ScopeResolver = async (request, ctx) => {
  const territory = await ctx.repos.territories.getBySlug(field(request.body, 'territory') ?? '');
  return territory ? { territoryIds: [territory.id] } : null;
};

/** The need `:id`, scoped by its organization. */
export const needFromParams: ScopeResolver = async (request, ctx) => {
  const need = await ctx.repos.needs.getById(field(request.params, 'id') ?? '');
  return need ? organizationScope(ctx, need.organizationId) : null;
};

/** The running contract `:id`, scoped by its organization. */
export const contractFromParams: ScopeResolver = async (request, ctx) => {
  const contract = await ctx.repos.runningContracts.getById(field(request.params, 'id') ?? '');
  return contract ? organizationScope(ctx, contract.organizationId) : null;
};

/** Every territory of the caller: for vocabulary shared by all territories. */
export const callerTerritories: ScopeResolver = async (_request, _ctx, actor) => ({ territoryIds: territoryIdsOf(actor) });

/**
 * The competence `:code`: its territory when it has one (another territory's is not found); the
 * caller's territories when it is shared, so that the route can say why it stays read-only.
 */
export const competenceFromParams: ScopeResolver = async (request, ctx, actor) => {
  const competence = await ctx.repos.competences.getByCode(field(request.params, 'code') ?? '');
  if (!competence) return null;
  return { territoryIds: competence.territoryId === null ? territoryIdsOf(actor) : [competence.territoryId] };
};

/**
 * The territory `:slug` narrowed to the organization of the body (`organizationId`) or of the
 * route (`:organizationId`), which must belong to it (null otherwise: 404).
 */
export const territoryOrganizationScope: ScopeResolver = async (request, ctx) => {
  const territoryId = await territoryIdOf(ctx, field(request.params, 'slug') ?? '');
  const organizationId = field(request.body, 'organizationId') ?? field(request.params, 'organizationId');
  if (territoryId === null || organizationId === undefined) return null;
  return (await ctx.repos.memberships.isMember(territoryId, organizationId)) ? { territoryIds: [territoryId], organizationId } : null;
};
