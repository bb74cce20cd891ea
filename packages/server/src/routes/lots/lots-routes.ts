import { lotDesignQuerySchema, lotDesignSchema, sourcingOpportunityParamsSchema } from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { policy } from '../../authz/access';
import { allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { designOpportunityLots, loadLocalContext, loadOpportunityDemand } from '../../local';
import type { RouteOptions } from '../register-api-routes';

/** The allotissement designer (L2113-10, L2113-11, R2113-1) on an opportunity of the territory. */
export const lotsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/territories/:slug/opportunities/:id/lots',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags: ['lots'],
        summary: 'Frontière économies / accès des entreprises locales, lots recommandés, justification L2113-11, clause R2113-1',
        params: sourcingOpportunityParamsSchema,
        querystring: lotDesignQuerySchema,
        response: { 200: lotDesignSchema },
      },
    },
    async (request) => {
      const { slug, id } = request.params;
      const { k, maxLotsPerBidder, reserved, at } = request.query;
      const territoryId = allowedTerritoryId(request);
      const [demand, context, consultations, declarations] = await Promise.all([
        loadOpportunityDemand({
          repos: ctx.repos,
          territorySlug: slug,
          opportunityId: id,
          at: at ?? ctx.now().toISOString().slice(0, 10),
          cache: analysisCacheOf(ctx.database),
        }),
        loadLocalContext(ctx.repos, slug),
        ctx.repos.plannedConsultations.listForTerritory(territoryId),
        ctx.repos.interestDeclarations.listForOpportunity(territoryId, id),
      ]);
      const design = designOpportunityLots({
        context,
        demand,
        k,
        maxLotsPerBidder: maxLotsPerBidder ?? null,
        reservedOnly: reserved === 'true',
        consultations: consultations.filter((c) => c.opportunityId === id),
        declarations,
      });
      return {
        opportunity: { id, label: demand.opportunity.family.label, buyerCount: demand.opportunity.members.length },
        k,
        design,
      };
    },
  );
};
