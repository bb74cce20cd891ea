import { pageSchema, supplierListQuerySchema, supplierProfilePutSchema, supplierSchema } from '@mutualis/contract';
import { DomainError, isCpvUnder, supplierProfileGaps } from '@mutualis/core';
import { withTransaction } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRoleIn } from '../../authz/actor';
import { policy } from '../../authz/access';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { organizationFromParams, territoryFromQuery } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';
import { presentSupplier } from './present-supplier';

const organizationParamsSchema = z.object({ organizationId: z.string().min(1).max(64) });

export const suppliersRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['suppliers'];

  app.get(
    '/suppliers',
    {
      config: { access: policy('supplier.list', territoryFromQuery) },
      schema: {
        tags,
        summary: 'Fournisseurs du territoire (fournisseur : sa seule entreprise)',
        querystring: supplierListQuerySchema,
        response: { 200: pageSchema(supplierSchema) },
      },
    },
    async (request) => {
      const { limit, offset, competence, cpv } = request.query;
      const actor = actorOf(request);
      const territoryId = allowedTerritoryId(request);
      if (!hasRoleIn(actor, territoryId, ['facilitator', 'observer', 'member'])) {
        // A supplier sees its own firm only.
        const own = await ownSuppliers(
          actor.grants.filter((g) => g.territoryId === territoryId && g.role === 'supplier').map((g) => g.organizationId),
        );
        const matching = own.filter(
          (s) =>
            (!competence || s.profile.competences.includes(competence)) &&
            (!cpv || s.profile.products.some((p) => isCpvUnder(p.cpvCode, cpv.padEnd(8, '0')))),
        );
        return {
          items: matching.slice(offset, offset + limit).map((s) => presentSupplier(actor, [territoryId], s.organization, s.profile)),
          total: matching.length,
          limit,
          offset,
        };
      }
      const page = await ctx.repos.supplierProfiles.list({ territoryId, competence, cpvPrefix: cpv }, { limit, offset });
      return {
        items: page.items.map((s) => presentSupplier(actor, [territoryId], s.organization, s.profile)),
        total: page.total,
        limit,
        offset,
      };
    },
  );

  app.get(
    '/suppliers/:organizationId',
    {
      config: { access: policy('supplier.read', organizationFromParams) },
      schema: { tags, params: organizationParamsSchema, response: { 200: supplierSchema } },
    },
    async (request) => {
      const [found] = await ownSuppliers([request.params.organizationId]);
      if (!found) throw new DomainError('not_found', 'Profil fournisseur introuvable.');
      const contact = await ctx.repos.supplierProfiles.getContact(found.organization.id);
      const gaps = supplierProfileGaps(found.profile, contact ?? null);
      return { ...presentSupplier(actorOf(request), allowedScope(request).territoryIds, found.organization, found.profile), contact, gaps };
    },
  );

  app.put(
    '/suppliers/:organizationId',
    {
      config: { access: policy('supplier.write', organizationFromParams) },
      schema: {
        tags,
        summary: 'Crée ou remplace le profil fournisseur',
        params: organizationParamsSchema,
        body: supplierProfilePutSchema,
        response: { 200: supplierSchema },
      },
    },
    async (request) => {
      const { organizationId } = request.params;
      // Shared competences and those of the firm's territories: another territory's own are unknown here.
      const visible = await ctx.repos.competences.list({ territoryIds: allowedScope(request).territoryIds });
      const known = new Set(visible.map((c) => c.code));
      const unknown = request.body.competences.flatMap((code, i) =>
        known.has(code) ? [] : [{ field: `competences.${i}`, reason: `Compétence inconnue : ${code}.` }],
      );
      if (unknown.length > 0) throw DomainError.validation('Compétences inconnues.', unknown);
      const organization = await ctx.repos.organizations.getById(organizationId);
      if (!organization) throw new DomainError('not_found', 'Organisation introuvable.');
      const { contact: newContact, ...fields } = request.body;
      const profile = await withTransaction(ctx.database, async (repos) => {
        const stored = await repos.supplierProfiles.upsert({ organizationId, ...fields });
        if (newContact) await repos.supplierProfiles.setContact(organizationId, newContact);
        return stored;
      });
      const contact = await ctx.repos.supplierProfiles.getContact(organizationId);
      const gaps = supplierProfileGaps(profile, contact ?? null);
      return { ...presentSupplier(actorOf(request), allowedScope(request).territoryIds, organization, profile), contact, gaps };
    },
  );

  async function ownSuppliers(organizationIds: readonly (string | null)[]) {
    const found = await Promise.all(
      organizationIds.map(async (id) => {
        if (id === null) return [];
        const [organization, profile] = await Promise.all([
          ctx.repos.organizations.getById(id),
          ctx.repos.supplierProfiles.getByOrganizationId(id),
        ]);
        return organization && profile ? [{ organization, profile }] : [];
      }),
    );
    return found.flat();
  }
};
