import {
  firmListQuerySchema,
  firmListSchema,
  idParamsSchema,
  localMapSchema,
  slugParamsSchema,
  sourcingOpportunityParamsSchema,
  sourcingQuerySchema,
  sourcingResultSchema,
} from '@mutualis/contract';
import { DomainError, getCommune, isCpvUnder } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { hasRoleIn } from '../../authz/actor';
import { policy } from '../../authz/access';
import { actorOf, allowedScope } from '../../authz/install-access-control';
import { needFromParams, territoryFromParams } from '../../authz/scopes';
import {
  deliveryCommunesOf,
  loadLocalContext,
  loadOpportunityDemand,
  POSITION_NOTE_FR,
  positionOfCommune,
  presentFirm,
  sourceLocally,
  sourcingNeedOfNeed,
  sourcingNeedOfOpportunity,
} from '../../local';
import type { RouteOptions } from '../register-api-routes';

/**
 * Sourcing (R2111-1): local supply chains of a need or an opportunity, the directory and map of the
 * territory's firms. Facilitators and observers only: the results show firms' capacities, which
 * member buyers do not read (see the suppliers routes).
 */
export const sourcingRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['sourcing'];
  const today = () => ctx.now().toISOString().slice(0, 10);

  app.get(
    '/needs/:id/sourcing',
    {
      config: { access: policy('local.read', needFromParams) },
      schema: {
        tags,
        summary: 'Filières locales d’un besoin : graphe, couverture, explications',
        params: idParamsSchema,
        response: { 200: sourcingResultSchema },
      },
    },
    async (request) => {
      const need = await ctx.repos.needs.getById(request.params.id);
      if (!need) throw new DomainError('not_found', 'Besoin introuvable.');
      const organization = await ctx.repos.organizations.getById(need.organizationId);
      // The need's organization may belong to several territories: source in one the caller reads.
      const actor = actorOf(request);
      const territoryId = allowedScope(request).territoryIds.find((id) => hasRoleIn(actor, id, ['facilitator', 'observer']));
      const territory = await ctx.repos.territories.getById(territoryId ?? '');
      if (!territory) throw new DomainError('not_found', 'Territoire du besoin introuvable.');
      const context = await loadLocalContext(ctx.repos, territory.slug);
      return sourceLocally(context, sourcingNeedOfNeed(need, organization?.inseeCode));
    },
  );

  app.get(
    '/territories/:slug/opportunities/:id/sourcing',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Filières locales d’une opportunité (besoin groupé)',
        params: sourcingOpportunityParamsSchema,
        querystring: sourcingQuerySchema,
        response: { 200: sourcingResultSchema },
      },
    },
    async (request) => {
      const { slug, id } = request.params;
      const demand = await loadOpportunityDemand({
        repos: ctx.repos,
        territorySlug: slug,
        opportunityId: id,
        at: request.query.at ?? today(),
        cache: analysisCacheOf(ctx.database),
      });
      const context = await loadLocalContext(ctx.repos, slug);
      // The checklist's deadlines count back from the calendar's proposed start of execution.
      return sourceLocally(context, sourcingNeedOfOpportunity(demand), { targetDate: demand.opportunity.startDate, now: today() });
    },
  );

  app.get(
    '/territories/:slug/firms',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Annuaire des entreprises du territoire (compétences, capacités, marchés détenus)',
        params: slugParamsSchema,
        querystring: firmListQuerySchema,
        response: { 200: firmListSchema },
      },
    },
    async (request) => {
      const { limit, offset, competence, cpv } = request.query;
      const context = await loadLocalContext(ctx.repos, request.params.slug);
      const matching = context.firms.filter(
        ({ profile }) =>
          (!competence || profile.competences.includes(competence)) &&
          (!cpv || profile.products.some((p) => isCpvUnder(p.cpvCode, cpv.padEnd(8, '0')))),
      );
      const [contracts, buyers] = await Promise.all([
        ctx.repos.runningContracts.listForTerritory(context.territory.id),
        ctx.repos.organizations.list({ territoryId: context.territory.id }, { limit: 1_000_000, offset: 0 }),
      ]);
      const buyerNames = new Map(buyers.items.map((o) => [o.id, o.name] as const));
      return {
        items: matching.slice(offset, offset + limit).map((firm) => presentFirm(firm, contracts, buyerNames)),
        total: matching.length,
        limit,
        offset,
        positionNote: POSITION_NOTE_FR,
      };
    },
  );

  app.get(
    '/territories/:slug/local-map',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Carte hors ligne : départements, entreprises, lieux de livraison',
        params: slugParamsSchema,
        response: { 200: localMapSchema },
      },
    },
    async (request) => {
      const context = await loadLocalContext(ctx.repos, request.params.slug);
      const [organizations, needs] = await Promise.all([
        ctx.repos.organizations.list({ territoryId: context.territory.id }, { limit: 1_000_000, offset: 0 }),
        ctx.repos.needs.listForTerritory(context.territory.id),
      ]);
      const byId = new Map(organizations.items.map((o) => [o.id, o] as const));
      const sites = new Map<string, Set<string>>();
      for (const need of needs.filter((n) => n.status !== 'rejected')) {
        for (const code of deliveryCommunesOf(need, byId)) {
          const names = sites.get(code) ?? new Set<string>();
          names.add(byId.get(need.organizationId)?.name ?? '');
          sites.set(code, names);
        }
      }
      return {
        departementCodes: [...new Set(organizations.items.map((o) => o.departementCode))].sort(),
        firms: context.firms.map(({ organization, profile, position }) => ({
          id: organization.id,
          name: organization.name,
          position: [position[0], position[1]] as [number, number],
          deliveryRadiusKm: profile.deliveryRadiusKm,
          isSme: profile.isSme,
        })),
        sites: [...sites].flatMap(([code, names]) => {
          const position = positionOfCommune(code);
          return position
            ? [
                {
                  code,
                  name: getCommune(code)?.name ?? code,
                  position: [position[0], position[1]] as [number, number],
                  organizations: [...names].sort(),
                },
              ]
            : [];
        }),
        positionNote: POSITION_NOTE_FR,
      };
    },
  );
};
