import {
  censusCampaignCreateSchema,
  censusCampaignSchema,
  censusCampaignViewSchema,
  censusReminderResultSchema,
  censusReminderSchema,
  censusResponseSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError, type Territory } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { baseUrlOf } from '../../accounts';
import { mergeFamilies } from '../../analysis';
import { policy } from '../../authz/access';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams, territoryOrganizationScope } from '../../authz/scopes';
import { loadCampaignView, openCampaign, openCampaignOf, presentCampaign, remindMembers } from '../../census';
import type { RouteOptions } from '../register-api-routes';

const responseParamsSchema = z.object({ slug: slugParamsSchema.shape.slug, organizationId: z.string().min(1).max(64) });

/** Census campaigns: the facilitator opens one, follows who answered and reminds the others; members answer. */
export const censusCampaignsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['census'];
  const territoryOf = async (territoryId: string): Promise<Territory> => {
    const territory = await ctx.repos.territories.getById(territoryId);
    if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
    return territory;
  };

  app.get(
    '/territories/:slug/census-campaign',
    {
      config: { access: policy('census.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Recensement en cours (ou le dernier) et qui a répondu (membre : ses organisations)',
        params: slugParamsSchema,
        response: { 200: censusCampaignViewSchema },
      },
    },
    async (request) => loadCampaignView(ctx, actorOf(request), await territoryOf(allowedTerritoryId(request))),
  );

  app.post(
    '/territories/:slug/census-campaigns',
    {
      config: { access: policy('census.manage', territoryFromParams) },
      schema: {
        tags,
        summary: 'Ouvre un recensement : date limite, familles d’achat ; les membres sont prévenus',
        params: slugParamsSchema,
        body: censusCampaignCreateSchema,
        response: { 201: z.object({ campaign: censusCampaignSchema, emailed: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const territory = await territoryOf(allowedTerritoryId(request));
      const input = { ...request.body, message: request.body.message ?? '' };
      return reply.code(201).send(await openCampaign(ctx, actorOf(request), territory, input, baseUrlOf(ctx, request)));
    },
  );

  app.post(
    '/territories/:slug/census-campaign/close',
    {
      config: { access: policy('census.manage', territoryFromParams) },
      schema: {
        tags,
        summary: 'Clôt le recensement ouvert',
        params: slugParamsSchema,
        body: z.strictObject({}),
        response: { 200: censusCampaignSchema },
      },
    },
    async (request) => {
      const territory = await territoryOf(allowedTerritoryId(request));
      const campaign = await openCampaignOf(ctx, territory.id);
      const closed = await ctx.repos.censusCampaigns.close(campaign.id, ctx.now().toISOString());
      if (!closed) throw new DomainError('not_found', 'Recensement introuvable.');
      return presentCampaign(closed, mergeFamilies(await ctx.repos.families.list({ territoryId: territory.id })));
    },
  );

  app.post(
    '/territories/:slug/census-campaign/reminders',
    {
      config: { access: policy('census.manage', territoryFromParams) },
      schema: {
        tags,
        summary: 'Relance les membres qui n’ont pas répondu (tous, ou ceux désignés)',
        params: slugParamsSchema,
        body: censusReminderSchema,
        response: { 200: censusReminderResultSchema },
      },
    },
    async (request) => {
      const territory = await territoryOf(allowedTerritoryId(request));
      return remindMembers(ctx, actorOf(request), territory, request.body.organizationIds, baseUrlOf(ctx, request));
    },
  );

  app.post(
    '/territories/:slug/census-campaign/responses',
    {
      config: { access: policy('census.respond', territoryOrganizationScope) },
      schema: {
        tags,
        summary: 'Déclare le recensement de l’organisation complet',
        params: slugParamsSchema,
        body: censusResponseSchema,
        response: { 200: censusCampaignViewSchema },
      },
    },
    async (request) => {
      const territory = await territoryOf(allowedTerritoryId(request));
      const campaign = await openCampaignOf(ctx, territory.id);
      const actor = actorOf(request);
      const organizationId = allowedScope(request).organizationId ?? request.body.organizationId;
      await ctx.repos.censusCampaigns.addResponse({
        campaignId: campaign.id,
        organizationId,
        answeredAt: ctx.now().toISOString(),
        answeredBy: actor.userId,
      });
      return loadCampaignView(ctx, actor, territory);
    },
  );

  app.delete(
    '/territories/:slug/census-campaign/responses/:organizationId',
    {
      config: { access: policy('census.respond', territoryOrganizationScope) },
      schema: { tags, summary: 'Rouvre le recensement de l’organisation (retire sa réponse)', params: responseParamsSchema },
    },
    async (request, reply) => {
      const campaign = await openCampaignOf(ctx, allowedTerritoryId(request));
      await ctx.repos.censusCampaigns.removeResponse(campaign.id, request.params.organizationId);
      return reply.code(204).send();
    },
  );
};
