import { idParamsSchema, needCreateSchema, needListQuerySchema, needPatchSchema, needSchema, pageSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { ownOrganizationFilter } from '../../authz/policy';
import { needFromParams, organizationFromBody, territoryFromQuery } from '../../authz/scopes';
import { priceViewKey } from '../../authz/visibility';
import { jsonSerializerOf, responseCacheOf, sendJson } from '../../cache/response-cache';
import type { RouteOptions } from '../register-api-routes';
import { settleNeedAmount } from './need-amounts';
import { presentNeed } from './present-need';

export const needsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['needs'];
  const pages = responseCacheOf(ctx.database);
  const serializePage = jsonSerializerOf(pageSchema(needSchema), '/api/needs');
  const getNeed = async (id: string) => {
    const need = await ctx.repos.needs.getById(id);
    if (!need) throw new DomainError('not_found', 'Besoin introuvable.');
    return need;
  };

  app.get(
    '/needs',
    {
      config: { access: policy('need.list', territoryFromQuery) },
      schema: {
        tags,
        summary: 'Recensement des besoins (membre : sa seule organisation)',
        querystring: needListQuerySchema,
        response: { 200: pageSchema(needSchema) },
      },
    },
    async (request, reply) => {
      const { limit, offset, organization, cpv, departement, status, q } = request.query;
      const actor = actorOf(request);
      const territoryId = allowedTerritoryId(request);
      const organizationId = ownOrganizationFilter(actor, territoryId, ['facilitator', 'observer'], organization);
      const filter = { territoryId, organizationId, cpvPrefix: cpv, departementCode: departement, status, q };
      // The page depends only on the filter, the page bounds and which prices the caller sees.
      const key = JSON.stringify(['needs', priceViewKey(actor, [territoryId]), filter, limit, offset]);
      const json = await pages.getOrCompute(territoryId, key, async () => {
        const page = await ctx.repos.needs.list(filter, { limit, offset });
        return serializePage({ items: page.items.map((n) => presentNeed(actor, [territoryId], n)), total: page.total, limit, offset });
      });
      return sendJson(reply, json);
    },
  );

  app.post(
    '/needs',
    {
      config: { access: policy('need.write', organizationFromBody) },
      schema: { tags, summary: 'Déclare un besoin', body: needCreateSchema, response: { 201: needSchema } },
    },
    async (request, reply) => {
      const body = request.body;
      const need = settleNeedAmount({
        organizationId: body.organizationId,
        cpvCode: body.cpvCode,
        label: body.label,
        quantity: body.quantity ?? null,
        unit: body.unit ?? null,
        unitsPerPack: body.unitsPerPack ?? null,
        unitPriceCents: body.unitPriceCents ?? null,
        annualAmountCents: body.annualAmountCents ?? null,
        deliveryCommunes: body.deliveryCommunes ?? [],
        csrRequirements: body.csrRequirements ?? [],
        qualityRequirements: body.qualityRequirements ?? '',
        confidence: body.confidence ?? 'estimated',
        status: body.status ?? 'confirmed',
        source: 'manual',
        sourceRef: null,
      });
      const created = await ctx.repos.needs.insert(need);
      return reply.code(201).send(presentNeed(actorOf(request), allowedScope(request).territoryIds, created));
    },
  );

  app.get(
    '/needs/:id',
    {
      config: { access: policy('need.read', needFromParams) },
      schema: { tags, params: idParamsSchema, response: { 200: needSchema } },
    },
    async (request) => presentNeed(actorOf(request), allowedScope(request).territoryIds, await getNeed(request.params.id)),
  );

  app.patch(
    '/needs/:id',
    {
      config: { access: policy('need.write', needFromParams) },
      schema: {
        tags,
        summary: 'Modifie un besoin (jamais son organisation)',
        params: idParamsSchema,
        body: needPatchSchema,
        response: { 200: needSchema },
      },
    },
    async (request) => {
      const { id, amountIsDerived, annualAmountCents, ...current } = await getNeed(request.params.id);
      const patch = request.body;
      // A derived amount follows quantity and price unless the patch states one.
      const statedAmount = patch.annualAmountCents !== undefined ? patch.annualAmountCents : amountIsDerived ? null : annualAmountCents;
      const settled = settleNeedAmount({ ...current, ...patch, annualAmountCents: statedAmount });
      const updated = await ctx.repos.needs.update(id, settled);
      if (!updated) throw new DomainError('not_found', 'Besoin introuvable.');
      return presentNeed(actorOf(request), allowedScope(request).territoryIds, updated);
    },
  );

  app.delete(
    '/needs/:id',
    { config: { access: policy('need.write', needFromParams) }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      if (!(await ctx.repos.needs.delete(request.params.id))) throw new DomainError('not_found', 'Besoin introuvable.');
      return reply.code(204).send();
    },
  );
};
