import { overviewSchema, slugParamsSchema, territoryListSchema, territorySchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { territoryIdsOf } from '../../authz/actor';
import { AUTHENTICATED, policy } from '../../authz/access';
import { actorOf } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';
import { buildOverview } from './build-overview';

export const territoriesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const getTerritory = async (slug: string) => {
    const territory = await ctx.repos.territories.getBySlug(slug);
    if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
    return territory;
  };

  app.get(
    '/territories',
    {
      config: { access: AUTHENTICATED },
      schema: { tags: ['territories'], summary: 'Territoires où l’utilisateur a un rôle', response: { 200: territoryListSchema } },
    },
    async (request) => ({ items: await ctx.repos.territories.list({ ids: territoryIdsOf(actorOf(request)) }) }),
  );

  app.get(
    '/territories/:slug',
    {
      config: { access: policy('territory.read', territoryFromParams) },
      schema: { tags: ['territories'], params: slugParamsSchema, response: { 200: territorySchema } },
    },
    async (request) => getTerritory(request.params.slug),
  );

  app.get(
    '/territories/:slug/overview',
    {
      config: { access: policy('territory.overview', territoryFromParams) },
      schema: {
        tags: ['territories'],
        summary: 'Vue mutualisée du territoire',
        params: slugParamsSchema,
        response: { 200: overviewSchema },
      },
    },
    async (request) => buildOverview(ctx, actorOf(request), await getTerritory(request.params.slug)),
  );
};
