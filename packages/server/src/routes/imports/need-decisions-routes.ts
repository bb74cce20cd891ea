import { idParamsSchema, needSchema } from '@mutualis/contract';
import { DomainError, type NeedStatus } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedScope } from '../../authz/install-access-control';
import { needFromParams } from '../../authz/scopes';
import { presentNeed } from '../needs/present-need';
import type { RouteOptions } from '../register-api-routes';

/**
 * A buyer's decision on a need proposed from DECP data. `PATCH /api/needs/:id {status}` cannot
 * carry it: it re-settles the amount from quantity × price, which DECP needs (an amount, no
 * quantity) do not have. Only a proposed need is decided; deciding it again is a no-op.
 */
export const needDecisionsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const decisions: { path: string; status: NeedStatus; summary: string }[] = [
    { path: 'confirm', status: 'confirmed', summary: 'Confirme un besoin proposé (issu des DECP)' },
    { path: 'reject', status: 'rejected', summary: 'Rejette un besoin proposé (issu des DECP)' },
  ];
  for (const { path, status, summary } of decisions) {
    app.post(
      `/needs/:id/${path}`,
      {
        config: { access: policy('need.write', needFromParams) },
        schema: { tags: ['imports'], summary, params: idParamsSchema, response: { 200: needSchema } },
      },
      async (request) => {
        const need = await ctx.repos.needs.getById(request.params.id);
        if (!need) throw new DomainError('not_found', 'Besoin introuvable.');
        if (need.status !== 'proposed' && need.status !== status) {
          throw new DomainError('conflict', 'Seul un besoin proposé peut être confirmé ou rejeté.', { status: need.status });
        }
        const decided = need.status === status ? need : await ctx.repos.needs.update(need.id, { status });
        if (!decided) throw new DomainError('not_found', 'Besoin introuvable.');
        return presentNeed(actorOf(request), allowedScope(request).territoryIds, decided);
      },
    );
  }
};
