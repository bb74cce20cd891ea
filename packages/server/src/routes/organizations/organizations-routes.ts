import {
  idParamsSchema,
  organizationCreateSchema,
  organizationListQuerySchema,
  organizationPatchSchema,
  organizationSchema,
  pageSchema,
} from '@mutualis/contract';
import { DomainError, getCommune } from '@mutualis/core';
import { withTransaction } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { hasRoleIn } from '../../authz/actor';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { organizationFromParams, territoryFromBody, territoryFromQuery } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

/** Geography derived from the commune (the INSEE code was checked by the contract). */
function geographyOf(inseeCode: string) {
  const commune = getCommune(inseeCode);
  if (!commune) throw DomainError.validation('Commune inconnue.', [{ field: 'inseeCode', reason: 'Commune introuvable.' }]);
  return {
    inseeCode: commune.code,
    departementCode: commune.departementCode,
    regionCode: commune.regionCode,
    epciSiren: commune.epciSiren,
  };
}

export const organizationsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['organizations'];

  app.get(
    '/organizations',
    {
      config: { access: policy('organization.list', territoryFromQuery) },
      schema: {
        tags,
        summary: 'Organisations d’un territoire',
        querystring: organizationListQuerySchema,
        response: { 200: pageSchema(organizationSchema) },
      },
    },
    async (request) => {
      const { limit, offset, kind, departement, q } = request.query;
      const territoryId = allowedTerritoryId(request);
      const page = await ctx.repos.organizations.list({ territoryId, kind, departementCode: departement, q }, { limit, offset });
      return { ...page, limit, offset };
    },
  );

  app.post(
    '/organizations',
    {
      config: { access: policy('organization.create', territoryFromBody) },
      schema: {
        tags,
        summary: 'Ajoute une organisation au territoire',
        body: organizationCreateSchema,
        response: { 201: organizationSchema },
      },
    },
    async (request, reply) => {
      const { territory: _slug, inseeCode, ...fields } = request.body;
      const territoryId = allowedTerritoryId(request);
      const created = await withTransaction(ctx.database, async (repos) => {
        const organization = await repos.organizations.insert({ ...fields, ...geographyOf(inseeCode), isDemo: false });
        await repos.memberships.add(territoryId, organization.id);
        return organization;
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/organizations/:id',
    {
      config: { access: policy('organization.read', organizationFromParams) },
      schema: { tags, params: idParamsSchema, response: { 200: organizationSchema } },
    },
    async (request) => getOrganization(request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      config: { access: policy('organization.update', organizationFromParams) },
      schema: { tags, params: idParamsSchema, body: organizationPatchSchema, response: { 200: organizationSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      // An organization of several territories is one record for all: a facilitator of one of them
      // changing its name, SIRET or commune would change it for the others.
      if (allowedScope(request).territoryIds.some((territoryId) => !hasRoleIn(actor, territoryId, ['facilitator']))) {
        throw new DomainError(
          'forbidden',
          'Cette organisation appartient aussi à un territoire que vous n’animez pas : son identité ne se modifie qu’avec l’accord de ses facilitateurs (un facilitateur de chacun de ses territoires).',
        );
      }
      const { inseeCode, ...fields } = request.body;
      const updated = await ctx.repos.organizations.update(request.params.id, { ...fields, ...(inseeCode ? geographyOf(inseeCode) : {}) });
      if (!updated) throw new DomainError('not_found', 'Organisation introuvable.');
      return updated;
    },
  );

  app.delete(
    '/organizations/:id',
    {
      config: { access: policy('organization.delete', organizationFromParams) },
      schema: {
        tags,
        summary:
          'Retire l’organisation des territoires du facilitateur ; la supprime (besoins, contrats, profil) quand elle n’appartient à aucun autre',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { territoryIds } = allowedScope(request);
      const mine = territoryIds.filter((territoryId) => hasRoleIn(actor, territoryId, ['facilitator']));
      // Tenancy: the organization, its needs and contracts stay for the territories the caller does not animate.
      if (mine.length < territoryIds.length) {
        await withTransaction(ctx.database, async (repos) => {
          for (const territoryId of mine) await repos.memberships.remove(territoryId, request.params.id);
        });
        return reply.code(204).send();
      }
      if (!(await ctx.repos.organizations.delete(request.params.id))) throw new DomainError('not_found', 'Organisation introuvable.');
      return reply.code(204).send();
    },
  );

  async function getOrganization(id: string) {
    const organization = await ctx.repos.organizations.getById(id);
    if (!organization) throw new DomainError('not_found', 'Organisation introuvable.');
    return organization;
  }
};
