import { analysisOptionsQuerySchema, coordinatorBoardSchema, coordinatorOverrideBodySchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import { viewerOf } from '../opportunities/opportunity-viewer';
import type { RouteOptions } from '../register-api-routes';
import { presentCoordinatorBoard } from './present-coordinator-board';

export const coordinatorsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['coordinators'];

  app.get(
    '/territories/:slug/coordinators',
    {
      config: { access: policy('coordinator.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Coordonnateurs proposés par famille et charge de chaque membre',
        params: slugParamsSchema,
        querystring: analysisOptionsQuerySchema,
        response: { 200: coordinatorBoardSchema },
      },
    },
    async (request) => {
      const analysis = await analyseForRequest(ctx, request.params.slug, request.query);
      return presentCoordinatorBoard(analysis, viewerOf(actorOf(request), allowedTerritoryId(request)));
    },
  );

  app.put(
    '/territories/:slug/coordinators/overrides',
    {
      config: { access: policy('coordinator.write', territoryFromParams) },
      schema: {
        tags,
        summary: 'Impose (ou libère, organizationId null) le coordonnateur d’une famille',
        params: slugParamsSchema,
        querystring: analysisOptionsQuerySchema,
        body: coordinatorOverrideBodySchema,
        response: { 200: coordinatorBoardSchema },
      },
    },
    async (request) => {
      const territoryId = allowedTerritoryId(request);
      const { familyKey, cellKey = null, organizationId } = request.body;
      if (organizationId === null) {
        await ctx.repos.coordinatorOverrides.delete({ territoryId, familyKey, cellKey });
      } else {
        await checkOverrideApplies({ slug: request.params.slug, familyKey, cellKey, organizationId, query: request.query });
        await ctx.repos.coordinatorOverrides.upsert({ territoryId, familyKey, cellKey, organizationId });
      }
      // The access layer invalidates after the answer is built; this answer must already be fresh.
      analysisCacheOf(ctx.database).invalidate(territoryId);
      const analysis = await analyseForRequest(ctx, request.params.slug, request.query);
      return presentCoordinatorBoard(analysis, viewerOf(actorOf(request), territoryId));
    },
  );

  /** The organization must be a member of an opportunity of that family (and cell) at the analysed date. */
  async function checkOverrideApplies(o: {
    slug: string;
    familyKey: string;
    cellKey: string | null;
    organizationId: string;
    query: { at?: string };
  }) {
    const analysis = await analyseForRequest(ctx, o.slug, o.query);
    const family = analysis.result.opportunities.filter((x) => x.family.key === o.familyKey);
    if (family.length === 0)
      throw DomainError.validation('Famille sans opportunité.', [
        { field: 'familyKey', reason: 'Aucune opportunité de cette famille à cette date.' },
      ]);
    const cells = o.cellKey === null ? family : family.filter((x) => x.cell.code === o.cellKey);
    if (cells.length === 0)
      throw DomainError.validation('Zone sans opportunité.', [
        { field: 'cellKey', reason: 'Aucune opportunité de cette famille dans cette zone.' },
      ]);
    if (!cells.some((x) => x.members.some((m) => m.organizationId === o.organizationId)))
      throw DomainError.validation('Coordonnateur hors du groupement.', [
        {
          field: 'organizationId',
          reason: 'Cette organisation n’est membre d’aucune opportunité de cette famille : elle ne peut pas la coordonner.',
        },
      ]);
  }
};
