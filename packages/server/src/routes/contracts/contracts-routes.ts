import {
  contractCreateSchema,
  contractListQuerySchema,
  contractPatchSchema,
  idParamsSchema,
  pageSchema,
  runningContractSchema,
} from '@mutualis/contract';
import { DomainError, decpProvenanceAfterEdit } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { ownOrganizationFilter } from '../../authz/policy';
import { contractFromParams, organizationFromBody, territoryFromQuery } from '../../authz/scopes';
import { refreshBuyerDecpNeeds } from '../../import/refresh-buyer-decp-needs';
import type { RouteOptions } from '../register-api-routes';
import { checkContractDates, checkContractRules } from './contract-rules';
import { presentContract } from './present-contract';

export const contractsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['contracts'];
  const getContract = async (id: string) => {
    const contract = await ctx.repos.runningContracts.getById(id);
    if (!contract) throw new DomainError('not_found', 'Contrat introuvable.');
    return contract;
  };

  app.get(
    '/contracts',
    {
      config: { access: policy('contract.list', territoryFromQuery) },
      schema: {
        tags,
        summary: 'Contrats en cours (membre : sa seule organisation)',
        querystring: contractListQuerySchema,
        response: { 200: pageSchema(runningContractSchema) },
      },
    },
    async (request) => {
      const { limit, offset, organization, cpv, departement } = request.query;
      const actor = actorOf(request);
      const territoryId = allowedTerritoryId(request);
      const organizationId = ownOrganizationFilter(actor, territoryId, ['facilitator', 'observer'], organization);
      const page = await ctx.repos.runningContracts.list(
        { territoryId, organizationId, cpvPrefix: cpv, departementCode: departement },
        { limit, offset },
      );
      return { items: page.items.map((c) => presentContract(actor, [territoryId], c)), total: page.total, limit, offset };
    },
  );

  app.post(
    '/contracts',
    {
      config: { access: policy('contract.write', organizationFromBody) },
      schema: { tags, summary: 'Déclare un contrat en cours', body: contractCreateSchema, response: { 201: runningContractSchema } },
    },
    async (request, reply) => {
      const body = request.body;
      checkContractDates(body, ctx.now().toISOString().slice(0, 10));
      const contract = checkContractRules({
        organizationId: body.organizationId,
        reference: body.reference,
        cpvCode: body.cpvCode,
        label: body.label,
        holderSiret: body.holderSiret ?? null,
        holderName: body.holderName ?? null,
        notificationDate: body.notificationDate ?? null,
        startDate: body.startDate,
        durationMonths: body.durationMonths,
        renewalCount: body.renewalCount ?? 0,
        renewalMonths: body.renewalMonths ?? 0,
        noticeMonths: body.noticeMonths ?? 0,
        renewalsUsed: body.renewalsUsed ?? 0,
        amountCents: body.amountCents ?? null,
        nature: body.nature ?? 'marche',
        source: 'manual',
        decpId: null,
        decpProvenance: [],
      });
      const created = await ctx.repos.runningContracts.insert(contract);
      return reply.code(201).send(presentContract(actorOf(request), allowedScope(request).territoryIds, created));
    },
  );

  app.get(
    '/contracts/:id',
    {
      config: { access: policy('contract.read', contractFromParams) },
      schema: { tags, params: idParamsSchema, response: { 200: runningContractSchema } },
    },
    async (request) => presentContract(actorOf(request), allowedScope(request).territoryIds, await getContract(request.params.id)),
  );

  app.patch(
    '/contracts/:id',
    {
      config: { access: policy('contract.write', contractFromParams) },
      schema: {
        tags,
        summary: 'Modifie un contrat (jamais son organisation)',
        params: idParamsSchema,
        body: contractPatchSchema,
        response: { 200: runningContractSchema },
      },
    },
    async (request) => {
      const { id, ...current } = await getContract(request.params.id);
      checkContractDates(request.body, ctx.now().toISOString().slice(0, 10));
      const next = checkContractRules({ ...current, ...request.body });
      // An imported contract's explanation loses the lines the edit made untrue (an edited duration no longer is the amendment's).
      const decpProvenance = decpProvenanceAfterEdit(current.decpProvenance, current, next);
      const updated = await ctx.repos.runningContracts.update(id, { ...next, decpProvenance });
      if (!updated) throw new DomainError('not_found', 'Contrat introuvable.');
      await refreshBuyerDecpNeeds(ctx.database, [updated], ctx.now().toISOString());
      return presentContract(actorOf(request), allowedScope(request).territoryIds, updated);
    },
  );

  app.delete(
    '/contracts/:id',
    { config: { access: policy('contract.write', contractFromParams) }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      const contract = await getContract(request.params.id);
      if (!(await ctx.repos.runningContracts.delete(contract.id))) throw new DomainError('not_found', 'Contrat introuvable.');
      await refreshBuyerDecpNeeds(ctx.database, [contract], ctx.now().toISOString());
      return reply.code(204).send();
    },
  );
};
