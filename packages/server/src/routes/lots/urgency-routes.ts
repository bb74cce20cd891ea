import { sourcingOpportunityParamsSchema, sourcingQuerySchema, urgencyExplanationSchema } from '@mutualis/contract';
import { explainUrgency, formatQuantityFr } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { policy } from '../../authz/access';
import { territoryFromParams } from '../../authz/scopes';
import { loadOpportunityDemand } from '../../local';
import type { RouteOptions } from '../register-api-routes';

/** What urgence impérieuse (R2122-1) allows when the facilitator marks an opportunity's need as urgent. */
export const urgencyRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/territories/:slug/opportunities/:id/urgency',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags: ['opportunities'],
        summary: 'Urgence impérieuse (R2122-1) : quand elle s’applique à ce besoin, quand elle ne s’applique pas',
        params: sourcingOpportunityParamsSchema,
        querystring: sourcingQuerySchema,
        response: { 200: urgencyExplanationSchema },
      },
    },
    async (request) => {
      const { slug, id } = request.params;
      const { opportunity } = await loadOpportunityDemand({
        repos: ctx.repos,
        territorySlug: slug,
        opportunityId: id,
        at: request.query.at ?? ctx.now().toISOString().slice(0, 10),
        cache: analysisCacheOf(ctx.database),
      });
      return explainUrgency({
        label: opportunity.family.label,
        isRecurring: true,
        annualQuantityText: opportunity.quantity ? formatQuantityFr(opportunity.quantity.value, opportunity.quantity.unit) : null,
      });
    },
  );
};
