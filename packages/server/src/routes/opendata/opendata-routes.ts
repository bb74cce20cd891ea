import { slugParamsSchema } from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { disclosureViewerOf } from '../../authz/visibility';
import { buildTerritoryDecp, buildTerritoryOcds, loadTerritoryOpenData, OCID_PREFIX, redactOpenData } from '../../groupements';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import type { RouteOptions } from '../register-api-routes';

/**
 * Open data of a territory's groupements: OCDS 1.1 and DECP 2024. Published data could be public;
 * for now any role of the territory reads it (issue 4 §4).
 */
export const opendataRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['opendata'];
  const access = policy('opendata.read', territoryFromParams);
  /** The territory's groupements with their awarded lots (full data: what a reader may see is decided by the presenters). */
  const openDataOf = async (slug: string, territoryId: string) => {
    const analysis = await analyseForRequest(ctx, slug, {});
    const groupements = await ctx.repos.groupements.list({ territoryId });
    const inputs = await loadTerritoryOpenData({
      repos: ctx.repos,
      analysis,
      groupements,
      planningDate: ctx.now().toISOString().slice(0, 10),
    });
    return { inputs, territoryName: analysis.data.territory.name, analysis, groupements };
  };

  app.get(
    '/territories/:slug/ocds.json',
    {
      config: { access },
      schema: { tags, summary: 'Paquet de publications OCDS 1.1 des groupements du territoire', params: slugParamsSchema },
    },
    async (request, reply) => {
      const { inputs, territoryName, analysis, groupements } = await openDataOf(request.params.slug, allowedTerritoryId(request));
      const uri = `${request.protocol}://${request.host}${request.url}`;
      const publishedDate = `${ctx.now().toISOString().slice(0, 19)}Z`;
      const document = buildTerritoryOcds({ inputs, territoryName, uri, publishedDate });
      const viewer = disclosureViewerOf(actorOf(request), [allowedTerritoryId(request)]);
      const readable = await redactOpenData({ repos: ctx.repos, document, groupements, analysis, viewer, ocidPrefix: OCID_PREFIX });
      return reply.type('application/json; charset=utf-8').send(readable);
    },
  );

  app.get(
    '/territories/:slug/decp.json',
    {
      config: { access },
      schema: { tags, summary: 'Données essentielles (DECP 2024) des marchés attribués via Mutualis', params: slugParamsSchema },
    },
    async (request, reply) => {
      const { inputs } = await openDataOf(request.params.slug, allowedTerritoryId(request));
      const publicationDate = ctx.now().toISOString().slice(0, 10);
      return reply.type('application/json; charset=utf-8').send(buildTerritoryDecp({ inputs, publicationDate }));
    },
  );
};
