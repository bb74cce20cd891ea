import { lotDesignQuerySchema, lotDesignSchema, sourcingOpportunityParamsSchema } from '@mutualis/contract';
import type { z } from 'zod';
import { buildLotsConsultation, DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { policy } from '../../authz/access';
import { allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { buildConsultationDocx } from '../../files';
import { designOpportunityLots, launchDateOf, loadLocalContext, loadOpportunityDemand, lotAwardOptions, mainCpvCode } from '../../local';
import { attachment, MIME } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';

/** The allotissement designer (L2113-10, L2113-11, R2113-1) on an opportunity of the territory, and its consultation skeleton. */
export const lotsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const design = async (territoryId: string, slug: string, id: string, query: z.output<typeof lotDesignQuerySchema>) => {
    const { k, maxLotsPerBidder, reserved, at, securityWeight } = query;
    const day = at ?? ctx.now().toISOString().slice(0, 10);
    const [demand, context, consultations, declarations] = await Promise.all([
      loadOpportunityDemand({ repos: ctx.repos, territorySlug: slug, opportunityId: id, at: day, cache: analysisCacheOf(ctx.database) }),
      loadLocalContext(ctx.repos, slug),
      ctx.repos.plannedConsultations.listForTerritory(territoryId),
      ctx.repos.interestDeclarations.listForOpportunity(territoryId, id),
    ]);
    const launchDate = launchDateOf(demand, consultations, id, day);
    const result = designOpportunityLots({
      context,
      demand,
      k,
      maxLotsPerBidder: maxLotsPerBidder ?? null,
      reservedOnly: reserved === 'true',
      consultations: consultations.filter((c) => c.opportunityId === id),
      declarations,
      award: lotAwardOptions(demand, { launchDate, securityWeight }),
    });
    return { demand, launchDate, result };
  };

  app.get(
    '/territories/:slug/opportunities/:id/lots',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags: ['lots'],
        summary:
          'Frontière économies / accès des entreprises locales, lots recommandés, justification L2113-11, clause R2113-1, critères, capacité (R2142-7) et sécurité d’approvisionnement par lot',
        params: sourcingOpportunityParamsSchema,
        querystring: lotDesignQuerySchema,
        response: { 200: lotDesignSchema },
      },
    },
    async (request) => {
      const { slug, id } = request.params;
      const { demand, result } = await design(allowedTerritoryId(request), slug, id, request.query);
      return {
        opportunity: { id, label: demand.opportunity.family.label, buyerCount: demand.opportunity.members.length },
        k: request.query.k,
        design: result,
      };
    },
  );

  app.get(
    '/territories/:slug/opportunities/:id/consultation.docx',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags: ['lots'],
        summary: 'Trame de consultation (extraits du RC et du CCAP) pour le découpage recommandé, en DOCX',
        params: sourcingOpportunityParamsSchema,
        querystring: lotDesignQuerySchema,
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      const { demand, launchDate, result } = await design(allowedTerritoryId(request), slug, id, request.query);
      if (!result.ok) throw new DomainError('validation_failed', result.reason);
      const structure = result.frontier.find((s) => s.id === result.recommendedId);
      if (!structure) throw new DomainError('not_found', 'Aucun découpage recommandé.');
      const skeleton = buildLotsConsultation({
        familyLabel: demand.opportunity.family.label,
        mainCpvCode: mainCpvCode(demand.needs) ?? demand.opportunity.family.cpvCodes[0] ?? '',
        procedureLabel: demand.opportunity.procedure.labelFr,
        launchDate,
        structure,
        maxLotsClause: result.maxLotsClause,
      });
      const name = `Consultation - ${demand.opportunity.family.label}.docx`.replace(/[\\/:*?"<>|]+/g, '-');
      return reply
        .header('content-type', MIME.docx)
        .header('content-disposition', attachment(name))
        .send(await buildConsultationDocx(skeleton));
    },
  );
};
