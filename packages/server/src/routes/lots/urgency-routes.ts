import {
  sourcingOpportunityParamsSchema,
  sourcingQuerySchema,
  urgencyExplanationSchema,
  urgencyMarkBodySchema,
  urgencyMarkSchema,
} from '@mutualis/contract';
import { explainUrgency, formatQuantityFr } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { loadOpportunityDemand } from '../../local';
import type { RouteOptions } from '../register-api-routes';

/**
 * The facilitator's stored "urgent" mark on an opportunity's need, and what urgence impérieuse (R2122-1) allows
 * then.
 */
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

  app.get(
    '/territories/:slug/opportunities/:id/urgency-mark',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags: ['opportunities'],
        summary: 'Marque « besoin urgent » posée par l’animateur sur l’opportunité',
        params: sourcingOpportunityParamsSchema,
        response: { 200: urgencyMarkSchema },
      },
    },
    async (request) => {
      const mark = await ctx.repos.opportunityUrgencyMarks.get({
        territoryId: allowedTerritoryId(request),
        opportunityId: request.params.id,
      });
      return { isUrgent: mark !== null, markedAt: mark?.markedAt ?? null };
    },
  );

  app.put(
    '/territories/:slug/opportunities/:id/urgency-mark',
    {
      config: { access: policy('urgency.mark', territoryFromParams) },
      schema: {
        tags: ['opportunities'],
        summary: 'Marquer le besoin de l’opportunité urgent (contexte de crise), ou retirer la marque',
        params: sourcingOpportunityParamsSchema,
        body: urgencyMarkBodySchema,
        response: { 200: urgencyMarkSchema },
      },
    },
    async (request) => {
      const { slug, id } = request.params;
      // An unknown opportunity is refused (not_found) before anything is stored.
      await loadOpportunityDemand({
        repos: ctx.repos,
        territorySlug: slug,
        opportunityId: id,
        at: ctx.now().toISOString().slice(0, 10),
        cache: analysisCacheOf(ctx.database),
      });
      const key = { territoryId: allowedTerritoryId(request), opportunityId: id };
      if (!request.body.isUrgent) {
        await ctx.repos.opportunityUrgencyMarks.unmark(key);
        return { isUrgent: false, markedAt: null };
      }
      const mark = await ctx.repos.opportunityUrgencyMarks.mark({ ...key, markedBy: actorOf(request).userId });
      return { isUrgent: true, markedAt: mark.markedAt };
    },
  );
};
