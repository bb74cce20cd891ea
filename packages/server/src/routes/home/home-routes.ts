import { idParamsSchema, memberAgendaSchema, nextStepsSchema, slugParamsSchema } from '@mutualis/contract';
import { buildMemberAgenda, DomainError, facilitatorNextSteps, PUBLIC_BUYER_KINDS, summarizeCensusCampaign } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { organizationFromParams, territoryFromParams } from '../../authz/scopes';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import type { RouteOptions } from '../register-api-routes';

/** Every contract and need of one organization fits in one page here. */
const ALL = { limit: 100_000, offset: 0 };

/** First screens: the facilitator's next steps, a member buyer's dated actions. */
export const homeRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['home'];

  app.get(
    '/territories/:slug/next-steps',
    {
      config: { access: policy('territory.nextSteps', territoryFromParams) },
      schema: {
        tags,
        summary: 'Ce que l’animateur a à faire ensuite sur son territoire',
        params: slugParamsSchema,
        response: { 200: nextStepsSchema },
      },
    },
    async (request) => {
      const territoryId = allowedTerritoryId(request);
      const analysis = await analyseForRequest(ctx, request.params.slug, {}, territoryId);
      const { organizations, needs, runningContracts, families } = analysis.data;
      const [accounts, campaign, pendingAccountRequestCount] = await Promise.all([
        ctx.repos.users.listForTerritory(territoryId),
        ctx.repos.censusCampaigns.getCurrent(territoryId),
        ctx.repos.accountRequests.countPending(territoryId),
      ]);
      const buyerIds = new Set(organizations.filter((o) => PUBLIC_BUYER_KINDS.includes(o.kind)).map((o) => o.id));
      const memberAccounts = accounts.filter((a) => a.roles.some((r) => r.role === 'member'));
      const now = ctx.now().toISOString().slice(0, 10);
      const summary = campaign
        ? summarizeCensusCampaign({
            campaign,
            organizations,
            needs,
            runningContracts,
            families,
            responses: await ctx.repos.censusCampaigns.listResponses(campaign.id),
            reminders: [],
            now,
          })
        : null;
      const steps = facilitatorNextSteps({
        buyerCount: buyerIds.size,
        firmCount: organizations.length - buyerIds.size,
        memberAccountCount: memberAccounts.length,
        pendingInvitationCount: accounts.filter((a) => !a.hasPassword).length,
        needCount: needs.length,
        campaign:
          campaign && summary
            ? { title: campaign.title, deadline: campaign.deadline, isOpen: campaign.closedAt === null, counts: summary.counts }
            : null,
        pendingAccountRequestCount,
        opportunityCount: analysis.result.opportunities.length,
      });
      return { steps };
    },
  );

  app.get(
    '/organizations/:id/agenda',
    {
      config: { access: policy('organization.agenda', organizationFromParams) },
      schema: {
        tags,
        summary: 'Échéances d’un acheteur : recensement à rendre, préavis de non-reconduction, fins de contrat',
        params: idParamsSchema,
        response: { 200: memberAgendaSchema },
      },
    },
    async (request) => {
      const organizationId = request.params.id;
      if (!(await ctx.repos.organizations.getById(organizationId))) throw new DomainError('not_found', 'Organisation introuvable.');
      const [contracts, needs] = await Promise.all([
        ctx.repos.runningContracts.list({ organizationId }, ALL),
        ctx.repos.needs.list({ organizationId }, { limit: 1, offset: 0 }),
      ]);
      const campaigns = await Promise.all(allowedScope(request).territoryIds.map((id) => ctx.repos.censusCampaigns.getCurrent(id)));
      const open = campaigns.find((c) => c !== undefined && c.closedAt === null) ?? null;
      const responses = open ? await ctx.repos.censusCampaigns.listResponses(open.id) : [];
      const items = buildMemberAgenda({
        contracts: contracts.items,
        campaign: open,
        hasAnswered: responses.some((r) => r.organizationId === organizationId),
        now: ctx.now().toISOString().slice(0, 10),
      });
      return { items, needCount: needs.total, contractCount: contracts.total };
    },
  );
};
