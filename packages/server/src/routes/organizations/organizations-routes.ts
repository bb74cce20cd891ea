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
import { allowedTerritoryId } from '../../authz/install-access-control';
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
      schema: { tags, summary: 'Supprime l’organisation, ses besoins, contrats et profil', params: idParamsSchema },
    },
    async (request, reply) => {
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
