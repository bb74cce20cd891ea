import {
  consultationParamsSchema,
  forecastBodySchema,
  interestBodySchema,
  interestListSchema,
  interestSchema,
  publicConsultationSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError, explainInterestEligibility } from '@mutualis/core';
import { type InterestDeclaration, type PlannedConsultation, withTransaction } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { hasRoleIn } from '../../authz/actor';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import {
  declareInterest,
  designOpportunityLots,
  loadLocalContext,
  loadOpportunityDemand,
  planConsultation,
  presentPublicConsultation,
} from '../../local';
import type { RouteOptions } from '../register-api-routes';
import { consultationFromParams } from './consultation-scope';

/** Planned consultations (facilitator) and firms' declarations of interest per lot (supplier). */
export const forecastRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['forecast'];

  app.post(
    '/territories/:slug/forecast',
    {
      config: { access: policy('forecast.publish', territoryFromParams) },
      schema: {
        tags,
        summary: 'Publie une consultation prévue à partir d’une opportunité et des lots choisis',
        params: slugParamsSchema,
        body: forecastBodySchema,
        response: { 201: publicConsultationSchema },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const body = request.body;
      const territoryId = allowedTerritoryId(request);
      const demand = await loadOpportunityDemand({
        repos: ctx.repos,
        territorySlug: slug,
        opportunityId: body.opportunityId,
        at: ctx.now().toISOString().slice(0, 10),
        cache: analysisCacheOf(ctx.database),
      }).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'not_found')
          throw DomainError.validation('Opportunité inconnue.', [
            { field: 'opportunityId', reason: 'Aucune opportunité actuelle n’a cet identifiant.' },
          ]);
        throw error;
      });
      const [context, consultations, declarations] = await Promise.all([
        loadLocalContext(ctx.repos, slug),
        ctx.repos.plannedConsultations.listForTerritory(territoryId),
        ctx.repos.interestDeclarations.listForOpportunity(territoryId, body.opportunityId),
      ]);
      const design = designOpportunityLots({
        context,
        demand,
        k: body.k,
        maxLotsPerBidder: body.maxLotsPerBidder,
        consultations: consultations.filter((c) => c.opportunityId === body.opportunityId),
        declarations,
      });
      const planned = planConsultation({ territoryId, demand, design, ...body, structureId: body.structureId });
      const stored = await ctx.repos.plannedConsultations.insert(planned);
      return reply.code(201).send(presentPublicConsultation(stored));
    },
  );

  const presentInterests = async (consultation: PlannedConsultation, items: readonly InterestDeclaration[]) => {
    const firms = await Promise.all([...new Set(items.map((d) => d.organizationId))].map((id) => ctx.repos.organizations.getById(id)));
    const names = new Map(firms.flatMap((f) => (f ? [[f.id, f.name] as const] : [])));
    return items.map((d) => {
      const lot = consultation.lots.find((l) => l.id === d.lotId);
      const { coversLot, reason } = explainInterestEligibility({
        capacity: d.capacity,
        unit: d.unit,
        lotVolume: lot?.volume ?? null,
        lotUnit: lot?.unit ?? null,
      });
      return { ...d, firm: { id: d.organizationId, name: names.get(d.organizationId) ?? '' }, coversLot, eligibility: reason };
    });
  };

  const consultationOf = async (id: string) => {
    const consultation = await ctx.repos.plannedConsultations.getById(id);
    if (!consultation) throw new DomainError('not_found', 'Consultation prévue introuvable.');
    return consultation;
  };

  app.post(
    '/forecast/:consultationId/interests',
    {
      config: { access: policy('forecast.declare', consultationFromParams) },
      schema: {
        tags,
        summary: 'Déclare l’intérêt et la capacité de son entreprise pour un lot (fournisseur)',
        params: consultationParamsSchema,
        body: interestBodySchema,
        response: { 201: interestSchema },
      },
    },
    async (request, reply) => {
      const consultation = await consultationOf(request.params.consultationId);
      const actor = actorOf(request);
      const grant = actor.grants.find((g) => g.territoryId === consultation.territoryId && g.role === 'supplier' && g.organizationId);
      if (!grant?.organizationId) throw new DomainError('forbidden', 'Aucune entreprise rattachée à votre compte sur ce territoire.');
      const organizationId = grant.organizationId;
      const stored = await withTransaction(ctx.database, (repos) =>
        declareInterest({
          repos,
          consultation,
          organizationId,
          userId: actor.userId,
          ...request.body,
          comment: request.body.comment,
          now: ctx.now(),
        }),
      );
      const [presented] = await presentInterests(consultation, [stored]);
      if (!presented) throw new DomainError('internal', 'Déclaration enregistrée mais illisible.');
      return reply.code(201).send(presented);
    },
  );

  app.get(
    '/forecast/:consultationId/interests',
    {
      config: { access: policy('forecast.interests', consultationFromParams) },
      schema: {
        tags,
        summary: 'Déclarations d’intérêt d’une consultation prévue (fournisseur : les siennes)',
        params: consultationParamsSchema,
        response: { 200: interestListSchema },
      },
    },
    async (request) => {
      const consultation = await consultationOf(request.params.consultationId);
      const actor = actorOf(request);
      const seesAll = hasRoleIn(actor, consultation.territoryId, ['facilitator', 'observer']);
      const own =
        actor.grants.find((g) => g.territoryId === consultation.territoryId && g.role === 'supplier')?.organizationId ?? '\u0000none';
      const items = await ctx.repos.interestDeclarations.listForConsultation(consultation.id, seesAll ? undefined : own);
      return { items: await presentInterests(consultation, items) };
    },
  );
};
