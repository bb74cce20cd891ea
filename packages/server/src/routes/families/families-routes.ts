import {
  familyParamsSchema,
  purchaseFamilyCreateSchema,
  purchaseFamilyListSchema,
  purchaseFamilyPatchSchema,
  purchaseFamilySchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError, type PurchaseFamily } from '@mutualis/core';
import { DEFAULT_FAMILIES } from '@mutualis/core/families';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mergeFamilies } from '../../analysis';
import { policy } from '../../authz/access';
import { allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

const SHIPPED_IDS = new Set(DEFAULT_FAMILIES.map((f) => f.id));

const present = (f: PurchaseFamily) => ({ ...f, isShipped: f.territoryId === null || SHIPPED_IDS.has(f.id) });

export const familiesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['families'];

  /** A family the territory owns; shipped families are read-only (they serve every territory). */
  const getOwnFamily = async (territoryId: string, id: string) => {
    if (SHIPPED_IDS.has(id))
      throw new DomainError('conflict', 'Famille livrée avec Mutualis : elle ne peut être ni modifiée ni supprimée.');
    const family = await ctx.repos.families.getById(id);
    if (family?.territoryId === null)
      throw new DomainError('conflict', 'Famille livrée avec Mutualis : elle ne peut être ni modifiée ni supprimée.');
    if (!family || family.territoryId !== territoryId) throw new DomainError('not_found', 'Famille introuvable dans ce territoire.');
    return family;
  };

  app.get(
    '/territories/:slug/families',
    {
      config: { access: policy('family.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Familles d’achat : livrées et propres au territoire',
        params: slugParamsSchema,
        response: { 200: purchaseFamilyListSchema },
      },
    },
    async (request) => {
      const stored = await ctx.repos.families.list({ territoryId: allowedTerritoryId(request) });
      return { items: mergeFamilies(stored).map(present) };
    },
  );

  app.post(
    '/territories/:slug/families',
    {
      config: { access: policy('family.write', territoryFromParams) },
      schema: {
        tags,
        summary: 'Définit une famille d’achat du territoire',
        params: slugParamsSchema,
        body: purchaseFamilyCreateSchema,
        response: { 201: purchaseFamilySchema },
      },
    },
    async (request, reply) => {
      const { keywords = [], ...rest } = request.body;
      const created = await ctx.repos.families.insert({ ...rest, keywords, territoryId: allowedTerritoryId(request) });
      return reply.code(201).send(present(created));
    },
  );

  app.put(
    '/territories/:slug/families/:id',
    {
      config: { access: policy('family.write', territoryFromParams) },
      schema: {
        tags,
        summary: 'Modifie une famille du territoire',
        params: familyParamsSchema,
        body: purchaseFamilyPatchSchema,
        response: { 200: purchaseFamilySchema },
      },
    },
    async (request) => {
      const family = await getOwnFamily(allowedTerritoryId(request), request.params.id);
      const updated = await ctx.repos.families.update(family.id, request.body);
      if (!updated) throw new DomainError('not_found', 'Famille introuvable dans ce territoire.');
      return present(updated);
    },
  );

  app.delete(
    '/territories/:slug/families/:id',
    {
      config: { access: policy('family.write', territoryFromParams) },
      schema: { tags, summary: 'Supprime une famille du territoire', params: familyParamsSchema },
    },
    async (request, reply) => {
      const family = await getOwnFamily(allowedTerritoryId(request), request.params.id);
      await ctx.repos.families.delete(family.id);
      return reply.code(204).send();
    },
  );
};
