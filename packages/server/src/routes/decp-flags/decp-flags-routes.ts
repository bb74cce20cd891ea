import {
  decpFlagConfirmSchema,
  type FlaggedContractDto,
  flaggedContractPageSchema,
  flaggedContractQuerySchema,
  flaggedContractSchema,
  idParamsSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import {
  confirmDecpFlags,
  DomainError,
  describeDecpFlags,
  isDecpAmountEstimable,
  isDecpContractDated,
  queueDecpFlags,
  type RunningContract,
} from '@mutualis/core';
import { nowIso } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { contractFromParams, territoryFromParams } from '../../authz/scopes';
import { canSeePrices } from '../../authz/visibility';
import { presentContract } from '../contracts/present-contract';
import { refreshBuyerDecpNeeds } from '../../import/refresh-buyer-decp-needs';
import type { RouteOptions } from '../register-api-routes';

/**
 * Issue 15 §3: the DECP records kept with flags (undated, invalid identifiers, CPV 2003, anomalous
 * amounts…), for the facilitator to confirm (POST …/confirm) or correct (PATCH /api/contracts/:id).
 */
export const decpFlagsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['contracts'];
  const present = async (actor: Actor, territoryIds: readonly string[], contract: RunningContract): Promise<FlaggedContractDto> => {
    const organization = await ctx.repos.organizations.getById(contract.organizationId);
    const showAmounts = canSeePrices(actor, territoryIds, contract.organizationId);
    return {
      contract: presentContract(actor, territoryIds, contract),
      organizationName: organization?.name ?? '',
      flags: describeDecpFlags(contract, { showAmounts }),
      isInCalendars: isDecpContractDated(contract),
      isInEstimates: isDecpAmountEstimable(contract),
    };
  };

  app.get(
    '/territories/:slug/decp-flags',
    {
      config: { access: policy('decp.review', territoryFromParams) },
      schema: {
        tags,
        summary:
          'Marchés DECP signalés (non datés, identifiants invalides, CPV 2003, montants anormaux…), tous ou ceux qui restent à traiter',
        params: slugParamsSchema,
        querystring: flaggedContractQuerySchema,
        response: { 200: flaggedContractPageSchema },
      },
    },
    async (request) => {
      const { limit, offset, code, status = 'all', q } = request.query;
      const territoryId = allowedTerritoryId(request);
      const actor = actorOf(request);
      const queue = queueDecpFlags(await ctx.repos.runningContracts.listFlagFacts({ territoryId, q }), { code, status });
      const contracts = await ctx.repos.runningContracts.getByIds(queue.ids.slice(offset, offset + limit));
      const items = await Promise.all(contracts.map((c) => present(actor, [territoryId], c)));
      return {
        items,
        total: queue.ids.length,
        limit,
        offset,
        counts: queue.counts.all,
        pendingCounts: queue.counts.pending,
        totals: queue.totals,
      };
    },
  );

  app.post(
    '/contracts/:id/decp-flags/confirm',
    {
      config: { access: policy('decp.confirm', contractFromParams) },
      schema: {
        tags,
        summary: 'Confirme des signalements d’un marché DECP : la valeur publiée est juste',
        params: idParamsSchema,
        body: decpFlagConfirmSchema,
        response: { 200: flaggedContractSchema },
      },
    },
    async (request) => {
      const contract = await ctx.repos.runningContracts.getById(request.params.id);
      if (!contract) throw new DomainError('not_found', 'Contrat introuvable.');
      const actor = actorOf(request);
      const reviews = confirmDecpFlags({ contract, codes: request.body.codes, by: actor.email, at: nowIso() });
      const updated = await ctx.repos.runningContracts.update(contract.id, { decpFlagReviews: reviews });
      if (!updated) throw new DomainError('not_found', 'Contrat introuvable.');
      await refreshBuyerDecpNeeds(ctx.database, [updated], ctx.now().toISOString());
      return present(actor, allowedScope(request).territoryIds, updated);
    },
  );
};
