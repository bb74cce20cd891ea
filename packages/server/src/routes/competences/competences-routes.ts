import {
  competenceCreateQuerySchema,
  competenceCreateSchema,
  competenceListSchema,
  competenceParamsSchema,
  competencePutSchema,
  competenceSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHENTICATED, policy } from '../../authz/access';
import { territoryIdsOf } from '../../authz/actor';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { competenceFromParams, territoryFromQuery } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

/**
 * The controlled vocabulary of what firms can do. Shared competences (shipped with Mutualis) serve
 * every territory and belong to none: no facilitator edits them, since a change would reach firms
 * and recipes of territories it does not animate. A facilitator adds its territory's own
 * competences and edits or deletes only those; every user reads the shared ones and those of its
 * territories.
 */
export const competencesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['competences'];
  const edit = { access: policy('competence.write', competenceFromParams) };

  /** The competence `:code` if the caller's territory owns it; shared ones are refused with the reason. */
  const ownCompetence = async (code: string) => {
    const competence = await ctx.repos.competences.getByCode(code);
    if (!competence) throw new DomainError('not_found', 'Compétence introuvable.');
    if (competence.territoryId === null) {
      throw new DomainError(
        'forbidden',
        'Compétence partagée par tous les territoires (vocabulaire livré avec Mutualis) : elle ne se modifie pas ici. Ajoutez une compétence propre à votre territoire.',
      );
    }
    return competence;
  };

  app.get(
    '/competences',
    {
      config: { access: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Compétences partagées et propres aux territoires de l’utilisateur',
        response: { 200: competenceListSchema },
      },
    },
    async (request) => ({ items: await ctx.repos.competences.list({ territoryIds: territoryIdsOf(actorOf(request)) }) }),
  );

  app.post(
    '/competences',
    {
      config: { access: policy('competence.write', territoryFromQuery) },
      schema: {
        tags,
        summary: 'Ajoute une compétence propre au territoire (?territory=, par défaut le seul de l’utilisateur)',
        querystring: competenceCreateQuerySchema,
        body: competenceCreateSchema,
        response: { 201: competenceSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await ctx.repos.competences.insert(request.body, allowedTerritoryId(request))),
  );

  app.put(
    '/competences/:code',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Modifie une compétence du territoire (les compétences partagées ne se modifient pas)',
        params: competenceParamsSchema,
        body: competencePutSchema,
        response: { 200: competenceSchema },
      },
    },
    async (request) => {
      const competence = await ownCompetence(request.params.code);
      const updated = await ctx.repos.competences.update(competence.code, request.body);
      if (!updated) throw new DomainError('not_found', 'Compétence introuvable.');
      return updated;
    },
  );

  app.delete(
    '/competences/:code',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Supprime une compétence du territoire (les compétences partagées restent)',
        params: competenceParamsSchema,
      },
    },
    async (request, reply) => {
      const competence = await ownCompetence(request.params.code);
      if (!(await ctx.repos.competences.delete(competence.code))) throw new DomainError('not_found', 'Compétence introuvable.');
      return reply.code(204).send();
    },
  );
};
