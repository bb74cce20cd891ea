import { analysisOptionsQuerySchema, censusExportQuerySchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError, type Territory } from '@mutualis/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { ownOrganizationFilter } from '../../authz/policy';
import { territoryFromParams } from '../../authz/scopes';
import { buildTerritoryCensusTemplate, exportTerritoryNeeds, exportTerritoryOpportunities, type NeedsExportFormat } from '../../exports';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import { canSeeOpportunity, isReferenceAnalysis, viewerOf } from '../opportunities/opportunity-viewer';
import type { RouteOptions } from '../register-api-routes';
import { attachment, MIME } from './read-upload';

/** The census template and territory exports (needs, opportunities); census uploads are imports (routes/imports). */
export const filesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['files'];

  const territoryOf = async (slug: string): Promise<Territory> => {
    const territory = await ctx.repos.territories.getBySlug(slug);
    if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
    return territory;
  };
  /** The organization a buyer's file is narrowed to: its own for a member, the requested one (or all) otherwise. */
  const ownFilter = (request: FastifyRequest, requested: string | undefined) =>
    ownOrganizationFilter(actorOf(request), allowedTerritoryId(request), ['facilitator', 'observer'], requested);

  app.get(
    '/territories/:slug/census/template.xlsx',
    {
      config: { access: policy('need.list', territoryFromParams) },
      schema: {
        tags,
        summary: 'Modèle de recensement (XLSX) avec les organisations et familles du territoire',
        params: slugParamsSchema,
        querystring: censusExportQuerySchema,
      },
    },
    async (request, reply) => {
      const territory = await territoryOf(request.params.slug);
      const organizationId = ownFilter(request, request.query.organization);
      const content = await buildTerritoryCensusTemplate({ repos: ctx.repos, territory, ...(organizationId ? { organizationId } : {}) });
      return sendFile(reply, content, `recensement-${territory.slug}.xlsx`, MIME.xlsx);
    },
  );

  for (const format of ['xlsx', 'csv'] as const satisfies readonly NeedsExportFormat[]) {
    app.get(
      `/territories/:slug/needs.${format}`,
      {
        config: { access: policy('need.list', territoryFromParams) },
        schema: {
          tags,
          summary: `Besoins du territoire en ${format.toUpperCase()} (membre : sa seule organisation)`,
          params: slugParamsSchema,
          querystring: censusExportQuerySchema,
        },
      },
      async (request, reply) => {
        const territory = await territoryOf(request.params.slug);
        const organizationId = ownFilter(request, request.query.organization);
        const content = await exportTerritoryNeeds({ repos: ctx.repos, territory, format, ...(organizationId ? { organizationId } : {}) });
        return sendFile(reply, content, `besoins-${territory.slug}.${format}`, MIME[format]);
      },
    );
  }

  app.get(
    '/territories/:slug/opportunities.xlsx',
    {
      config: { access: policy('analysis.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Opportunités de groupement en XLSX (membre : celles de son organisation)',
        params: slugParamsSchema,
        querystring: analysisOptionsQuerySchema,
      },
    },
    async (request, reply) => {
      const analysis = await analyseForRequest(ctx, request.params.slug, request.query);
      const viewer = viewerOf(actorOf(request), allowedTerritoryId(request));
      const content = await exportTerritoryOpportunities({
        analysis,
        isVisible: (o) => canSeeOpportunity(viewer, o),
        viewer,
        isReference: isReferenceAnalysis(request.query),
      });
      return sendFile(reply, content, `opportunites-${request.params.slug}-${analysis.result.now}.xlsx`, MIME.xlsx);
    },
  );
};

/** Answers a downloadable file. */
export function sendFile(reply: FastifyReply, content: Buffer, fileName: string, type: string): FastifyReply {
  return reply.type(type).header('content-disposition', attachment(fileName)).send(content);
}
