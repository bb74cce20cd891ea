import {
  competenceCreateSchema,
  competenceListSchema,
  competenceParamsSchema,
  competencePutSchema,
  competenceSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHENTICATED, policy } from '../../authz/access';
import { callerTerritories } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

/** The controlled vocabulary of what firms can do; shared by all territories, edited by facilitators. */
export const competencesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['competences'];
  const write = { access: policy('competence.write', callerTerritories) };

  app.get('/competences', { config: { access: AUTHENTICATED }, schema: { tags, response: { 200: competenceListSchema } } }, async () => ({
    items: await ctx.repos.competences.list(),
  }));

  app.post(
    '/competences',
    { config: write, schema: { tags, body: competenceCreateSchema, response: { 201: competenceSchema } } },
    async (request, reply) => reply.code(201).send(await ctx.repos.competences.insert(request.body)),
  );

  app.put(
    '/competences/:code',
    { config: write, schema: { tags, params: competenceParamsSchema, body: competencePutSchema, response: { 200: competenceSchema } } },
    async (request) => {
      const updated = await ctx.repos.competences.update(request.params.code, request.body);
      if (!updated) throw new DomainError('not_found', 'Compétence introuvable.');
      return updated;
    },
  );

  app.delete('/competences/:code', { config: write, schema: { tags, params: competenceParamsSchema } }, async (request, reply) => {
    if (!(await ctx.repos.competences.delete(request.params.code))) throw new DomainError('not_found', 'Compétence introuvable.');
    return reply.code(204).send();
  });
};
