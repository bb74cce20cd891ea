import {
  observatoryDepartementParamsSchema,
  observatoryDepartementsSchema,
  observatoryListQuerySchema,
  observatoryListSchema,
  observatoryOpportunityDetailSchema,
  observatoryOpportunityParamsSchema,
} from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHENTICATED } from '../../authz/access';
import {
  evidencePrefixOf,
  findObservatoryOpportunity,
  observatoryOf,
  presentDepartementOpportunities,
  presentDepartements,
  presentObservatoryOpportunity,
} from '../../observatory';
import type { RouteOptions } from '../register-api-routes';

/** The open-data observatory: published DECP data only, readable by every signed-in user. */
export const observatoryRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['observatory'];
  const config = { access: AUTHENTICATED };
  const snapshot = () => observatoryOf(ctx.database).current(ctx.repos);

  app.get(
    '/observatory/departements',
    {
      config,
      schema: {
        tags,
        summary: 'Observatoire : opportunités trouvées dans les données ouvertes, par département',
        response: { 200: observatoryDepartementsSchema },
      },
    },
    async () => presentDepartements(await snapshot()),
  );

  app.get(
    '/observatory/departements/:code/opportunities',
    {
      config,
      schema: {
        tags,
        summary: 'Observatoire : opportunités d’un département, classées par mutualisabilité puis montant',
        params: observatoryDepartementParamsSchema,
        querystring: observatoryListQuerySchema,
        response: { 200: observatoryListSchema },
      },
    },
    async (request) => {
      const { includeRare = false, limit, offset } = request.query;
      return presentDepartementOpportunities(await snapshot(), request.params.code, { includeRare, limit, offset });
    },
  );

  app.get(
    '/observatory/departements/:code/opportunities/:familyCode',
    {
      config,
      schema: {
        tags,
        summary: 'Observatoire : une opportunité et les marchés publiés dont elle vient',
        params: observatoryOpportunityParamsSchema,
        response: { 200: observatoryOpportunityDetailSchema },
      },
    },
    async (request) => {
      const current = await snapshot();
      const found = findObservatoryOpportunity(current, request.params.code, request.params.familyCode);
      const sirets = found.opportunity.members.map((m) => m.siret);
      const evidence = await ctx.repos.observatory.listEvidence(sirets, evidencePrefixOf(found.opportunity.family.code));
      return presentObservatoryOpportunity(current, found, evidence);
    },
  );
};
