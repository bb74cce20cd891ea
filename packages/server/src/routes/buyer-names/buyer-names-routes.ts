import {
  buyerNamePageSchema,
  buyerNameQuerySchema,
  buyerNameReviewSchema,
  buyerNameSchema,
  idParamsSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { organizationFromParams, territoryFromParams } from '../../authz/scopes';
import { reviewBuyerName } from '../../identities/review-buyer-name';
import type { RouteOptions } from '../register-api-routes';

/**
 * Issue 15 §4: the buyer names the product resolved (accents repaired, budgets and services under
 * their legal unit), for the facilitator to check beside the flagged DECP records.
 */
export const buyerNamesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['organizations'];

  app.get(
    '/territories/:slug/buyer-names',
    {
      config: { access: policy('decp.review', territoryFromParams) },
      schema: {
        tags,
        summary: 'Noms d’acheteurs réparés ou rattachés à leur unité légale, ceux à vérifier d’abord',
        params: slugParamsSchema,
        querystring: buyerNameQuerySchema,
        response: { 200: buyerNamePageSchema },
      },
    },
    async (request) => {
      const { limit, offset, toReview, q } = request.query;
      const page = await ctx.repos.buyerIdentities.listNames(
        {
          territoryId: allowedTerritoryId(request),
          ...(toReview === undefined ? {} : { isToReview: toReview === 'true' }),
          ...(q === undefined ? {} : { q }),
        },
        { limit, offset },
      );
      return { ...page, limit, offset };
    },
  );

  app.post(
    '/organizations/:id/name-review',
    {
      config: { access: policy('decp.confirm', organizationFromParams) },
      schema: {
        tags,
        summary: 'Confirme le nom d’un acheteur tel qu’il est, ou le corrige',
        params: idParamsSchema,
        body: buyerNameReviewSchema,
        response: { 200: buyerNameSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      await reviewBuyerName(ctx.database, {
        organizationId: id,
        ...(request.body.name === undefined ? {} : { name: request.body.name }),
        by: actorOf(request).email,
        at: ctx.now().toISOString(),
      });
      const item = await ctx.repos.buyerIdentities.getName(id);
      if (item === undefined) throw new DomainError('not_found', 'Organisation introuvable.');
      return item;
    },
  );
};
