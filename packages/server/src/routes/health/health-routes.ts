import { healthSchema } from '@mutualis/contract';
import { pingDatabase } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../authz/access';
import { toDomainError } from '../../errors/to-domain-error';
import type { RouteOptions } from '../register-api-routes';

/**
 * `/api/health`: 200 when the database answers, else 503 `degraded` with the reason (PostgreSQL
 * unreachable, SQLite busy past the wait bound). The process itself stays up either way; it
 * reconnects by itself when the database comes back.
 */
export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      config: { access: PUBLIC },
      schema: { tags: ['system'], summary: 'État du service et de la base', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const failure = await pingDatabase(ctx.database).then(
        () => null,
        (error: unknown) => toDomainError(error),
      );
      const database = { reachable: failure === null, dialect: ctx.database.dialect };
      if (failure === null) return reply.code(200).send({ status: 'ok', version: ctx.version, database });
      return reply.code(503).send({ status: 'degraded', version: ctx.version, database: { ...database, message: failure.message } });
    },
  );
};
