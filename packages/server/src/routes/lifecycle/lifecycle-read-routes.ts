import { auditListSchema, groupementIdParamsSchema, lifecycleViewSchema, savingsViewSchema } from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { analysisCacheOf } from '../../analysis';
import { actorOf, allowedScope } from '../../authz/install-access-control';
import { disclosureViewerOf } from '../../authz/visibility';
import { buildAuditView, buildSavingsView, groupementAggregateDecider, loadLifecycle } from '../../lifecycle';
import type { RouteOptions } from '../register-api-routes';
import { groupementOfMember } from './lifecycle-scopes';
import { lifecycleViewFor } from './lifecycle-view-for';

/** Lifecycle reads: where the groupement stands, its audit trail, its savings from estimate to reality. */
export const lifecycleReadRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['lifecycle'];
  const params = groupementIdParamsSchema;
  const access = policy('lifecycle.read', groupementOfMember);
  /** A member buyer (not facilitator or observer) sees only its own organization's figures. */
  const ownOrganizationOf = (request: Parameters<typeof actorOf>[0], territoryId: string) => {
    const grants = actorOf(request).grants.filter((g) => g.territoryId === territoryId);
    return grants.some((g) => g.role === 'facilitator' || g.role === 'observer') ? undefined : allowedScope(request).organizationId;
  };

  app.get(
    '/groupements/:id/lifecycle',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Étape du groupement, qui doit agir, attributions et décision de lancement',
        params,
        response: { 200: lifecycleViewSchema },
      },
    },
    async (request) => lifecycleViewFor(ctx, request, request.params.id),
  );

  app.get(
    '/groupements/:id/audit',
    {
      config: { access },
      schema: { tags, summary: 'Journal d’audit du groupement (ajout seul)', params, response: { 200: auditListSchema } },
    },
    async (request) => {
      const loaded = await loadLifecycle(ctx.repos, request.params.id);
      // Names of the territory's organizations: requests to join name organizations that are not members yet.
      const territoryOrganizations = await ctx.repos.organizations.list(
        { territoryId: loaded.groupement.territoryId },
        { limit: 100_000, offset: 0 },
      );
      const names = new Map(territoryOrganizations.items.map((o) => [o.id, o.name]));
      const nameOf = (id: string) => names.get(id) ?? id;
      const viewer = disclosureViewerOf(actorOf(request), [loaded.groupement.territoryId]);
      return { items: await buildAuditView({ repos: ctx.repos, groupementId: request.params.id, nameOf, viewer }) };
    },
  );

  app.get(
    '/groupements/:id/savings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Économies estimées → engagées → réalisées, par membre et par lot',
        params,
        response: { 200: savingsViewSchema },
      },
    },
    async (request) => {
      const loaded = await loadLifecycle(ctx.repos, request.params.id);
      const own = ownOrganizationOf(request, loaded.groupement.territoryId);
      const decide = await groupementAggregateDecider({
        repos: ctx.repos,
        groupement: loaded.groupement,
        viewer: disclosureViewerOf(actorOf(request), [loaded.groupement.territoryId]),
        at: ctx.now().toISOString().slice(0, 10),
        cache: analysisCacheOf(ctx.database),
      });
      return buildSavingsView({ repos: ctx.repos, loaded, decide, ...(own ? { onlyOrganizationId: own } : {}) });
    },
  );
};
