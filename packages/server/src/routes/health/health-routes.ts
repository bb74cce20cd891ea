import { healthSchema } from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../authz/access';
import type { RouteOptions } from '../register-api-routes';

export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      config: { access: PUBLIC },
      schema: { tags: ['system'], summary: 'État du service et de la base', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const reachable = await ctx.repos.territories.list().then(
        () => true,
        () => false,
      );
      return reply
        .code(reachable ? 200 : 503)
        .send({ status: reachable ? 'ok' : 'degraded', version: ctx.version, database: { reachable, dialect: ctx.database.dialect } });
    },
  );
};
