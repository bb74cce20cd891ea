import type { LifecycleView } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../../app/server-context';
import { actorOf } from '../../authz/install-access-control';
import { authorize } from '../../authz/policy';
import { analysisCacheOf } from '../../analysis';
import { disclosureViewerOf } from '../../authz/visibility';
import { buildLifecycleView, departementsOfTerritory, groupementAggregateDecider, loadLifecycle } from '../../lifecycle';

/** The lifecycle view for the caller, with what its roles let it do (same policy table as the routes). */
export async function lifecycleViewFor(ctx: ServerContext, request: FastifyRequest, groupementId: string): Promise<LifecycleView> {
  const actor = actorOf(request);
  const loaded = await loadLifecycle(ctx.repos, groupementId);
  const [territory] = await ctx.repos.territories.list({ ids: [loaded.groupement.territoryId] });
  if (!territory) throw new DomainError('not_found', 'Territoire du groupement introuvable.');
  const territoryIds = [territory.id];
  const allows = (action: Parameters<typeof authorize>[1], organizationId?: string) =>
    authorize(actor, action, organizationId === undefined ? { territoryIds } : { territoryIds, organizationId }) === 'allow';
  const coordinator = actor.grants.find((g) => g.organizationId !== null && loaded.groupement.coordinatorIds.includes(g.organizationId));
  const memberIds = loaded.groupement.memberIds;
  const decide = await groupementAggregateDecider({
    repos: ctx.repos,
    groupement: loaded.groupement,
    viewer: disclosureViewerOf(actor, territoryIds),
    at: ctx.now().toISOString().slice(0, 10),
    cache: analysisCacheOf(ctx.database),
  });
  return buildLifecycleView({
    decide,
    loaded,
    territorySlug: territory.slug,
    departementCodes: await departementsOfTerritory(ctx.repos, territory.id),
    can: {
      transition: allows('lifecycle.run', coordinator?.organizationId ?? undefined),
      award: allows('lifecycle.run', coordinator?.organizationId ?? undefined),
      signFor: memberIds.filter((id) => allows('lifecycle.sign', id)),
      enterConsumptionFor: memberIds.filter((id) => allows('lifecycle.consume', id)),
    },
  });
}
