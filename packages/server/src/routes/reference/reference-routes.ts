import { communeSearchSchema, cpvSearchSchema, nafSearchSchema, REFERENCE_SEARCH_LIMIT, referenceQuerySchema } from '@mutualis/contract';
import { searchCpv } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHENTICATED } from '../../authz/access';
import { searchCommunes, searchNaf } from '../../reference/reference-search';
import type { RouteOptions } from '../register-api-routes';

export const referenceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  const tags = ['reference'];
  const config = { access: AUTHENTICATED };

  app.get(
    '/reference/cpv',
    {
      config,
      schema: {
        tags,
        summary: 'Recherche dans la nomenclature CPV 2008',
        querystring: referenceQuerySchema,
        response: { 200: cpvSearchSchema },
      },
    },
    async (request) => ({
      items: searchCpv(request.query.q, REFERENCE_SEARCH_LIMIT).map(({ code, checkDigit, labelFr, labelEn }) => ({
        code,
        checkDigit,
        labelFr,
        labelEn,
      })),
    }),
  );

  app.get(
    '/reference/communes',
    {
      config,
      schema: {
        tags,
        summary: 'Recherche de communes (nom ou code INSEE)',
        querystring: referenceQuerySchema,
        response: { 200: communeSearchSchema },
      },
    },
    async (request) => ({ items: searchCommunes(request.query.q, REFERENCE_SEARCH_LIMIT) }),
  );

  app.get(
    '/reference/naf',
    {
      config,
      schema: { tags, summary: 'Recherche dans la NAF rév. 2', querystring: referenceQuerySchema, response: { 200: nafSearchSchema } },
    },
    async (request) => ({ items: searchNaf(request.query.q, REFERENCE_SEARCH_LIMIT) }),
  );
};
