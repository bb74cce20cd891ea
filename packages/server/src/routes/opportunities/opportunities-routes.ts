import {
  analysisOptionsQuerySchema,
  opportunityDetailSchema,
  opportunityListQuerySchema,
  opportunityListSchema,
  opportunityParamsSchema,
  scenarioBodySchema,
  scenarioResultSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { familyContractsOf, runScenarioUseCase } from '../../analysis';
import { loadLocalContext, scenarioLotDesigner } from '../../local';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { sendJson } from '../../cache/response-cache';
import type { RouteOptions } from '../register-api-routes';
import { type AnalysisQuery, analyseForRequest } from './analyse-for-request';
import { opportunityListJson } from './opportunity-list-json';
import { canSeeOpportunity, isReferenceAnalysis, type OpportunityViewer, viewerOf } from './opportunity-viewer';
import { presentOpportunityDetail } from './present-opportunity';
import { presentScenario } from './present-scenario';

/** The BOAMP/JAL publicity threshold the scenario explanation quotes (R2131-12): 90 000 € HT. */
const PUBLICITY_THRESHOLD_CENTS = 9_000_000;

export const opportunitiesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['opportunities'];

  app.get(
    '/territories/:slug/opportunities',
    {
      config: { access: policy('analysis.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Opportunités de groupement classées (membre : celles de son organisation)',
        params: opportunityParamsSchema.pick({ slug: true }),
        querystring: opportunityListQuerySchema,
        response: { 200: opportunityListSchema },
      },
    },
    async (request, reply) => {
      const territoryId = allowedTerritoryId(request);
      const analysis = await analyseForRequest(ctx, request.params.slug, request.query, territoryId);
      const viewer = viewerOf(actorOf(request), territoryId);
      return sendJson(reply, opportunityListJson(analysis, viewer, { ...request.query, isReference: isReferenceAnalysis(request.query) }));
    },
  );

  const findVisible = async (slug: string, id: string, query: AnalysisQuery, viewer: OpportunityViewer) => {
    const analysis = await analyseForRequest(ctx, slug, query);
    const opportunity = analysis.result.opportunities.find((o) => o.id === id);
    if (!opportunity) throw new DomainError('not_found', 'Opportunité introuvable à cette date.');
    if (!canSeeOpportunity(viewer, opportunity))
      throw new DomainError('forbidden', 'Votre organisation n’est pas membre de cette opportunité.');
    return { analysis, opportunity };
  };

  app.get(
    '/territories/:slug/opportunities/:id',
    {
      config: { access: policy('analysis.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Opportunité détaillée : calendrier, procédure, économies, marchés en cours',
        params: opportunityParamsSchema,
        querystring: analysisOptionsQuerySchema,
        response: { 200: opportunityDetailSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(actorOf(request), allowedTerritoryId(request));
      const { analysis, opportunity } = await findVisible(request.params.slug, request.params.id, request.query, viewer);
      return presentOpportunityDetail({
        opportunity,
        viewer,
        organizations: new Map(analysis.data.organizations.map((o) => [o.id, o])),
        contracts: familyContractsOf(analysis, opportunity),
        now: analysis.result.now,
        isReference: isReferenceAnalysis(request.query),
      });
    },
  );

  app.post(
    '/territories/:slug/opportunities/:id/scenario',
    {
      config: { access: policy('analysis.simulate', territoryFromParams) },
      schema: {
        tags,
        summary: 'Simule une adhésion, un retrait ou un report (rien n’est enregistré)',
        params: opportunityParamsSchema,
        querystring: analysisOptionsQuerySchema,
        body: scenarioBodySchema,
        response: { 200: scenarioResultSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(actorOf(request), allowedTerritoryId(request));
      const { analysis } = await findVisible(request.params.slug, request.params.id, request.query, viewer);
      const { join = [], leave = [], postpone = [] } = request.body;
      const designLots = scenarioLotDesigner(await loadLocalContext(ctx.repos, request.params.slug));
      const joining = join.map((j) => (typeof j === 'string' ? { organizationId: j } : j));
      const changes = { join: joining, leave, postpone };
      const outcome = runScenarioUseCase({ analysis, opportunityId: request.params.id, changes, designLots });
      const before = analysis.result.opportunities.find((o) => o.id === request.params.id);
      // Legal thresholds the explanation may quote to anyone (R2131-12 publicity, L2124-1 formalised).
      const publicAmounts = [PUBLICITY_THRESHOLD_CENTS, ...(before ? [before.procedure.formalisedThresholdCents] : [])];
      return presentScenario({ outcome, viewer, isReference: isReferenceAnalysis(request.query), publicAmounts });
    },
  );
};
