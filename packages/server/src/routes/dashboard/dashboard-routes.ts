import { dashboardSchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesEveryFigure } from '@mutualis/core';
import type { FastifyRequest } from 'fastify';
import { policy } from '../../authz/access';
import { actorOf } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { disclosureViewerOf } from '../../authz/visibility';
import { buildDashboard, exportDashboardPdf, exportDashboardXlsx, groupementAggregateDecider } from '../../lifecycle';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import { attachment, MIME } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';

/** The territory dashboard (issue 6 §2) and its XLSX and PDF exports. */
export const dashboardRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['dashboard'];
  const access = policy('dashboard.read', territoryFromParams);
  const load = async (request: FastifyRequest, slug: string) => {
    const territory = await ctx.repos.territories.getBySlug(slug);
    if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
    const now = ctx.now().toISOString().slice(0, 10);
    const viewer = disclosureViewerOf(actorOf(request), [territory.id]);
    // The reference analysis gives each groupement's source opportunity (a related total for members).
    const analysis = seesEveryFigure(viewer) ? undefined : await analyseForRequest(ctx, slug, {}, territory.id);
    const deciderOf = (groupement: Parameters<typeof groupementAggregateDecider>[0]['groupement']) =>
      groupementAggregateDecider({ repos: ctx.repos, groupement, viewer, at: now, ...(analysis ? { analysis } : {}) });
    return buildDashboard({ repos: ctx.repos, territory, now, deciderOf });
  };

  app.get(
    '/territories/:slug/dashboard',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Dépense mutualisée, économies estimées/engagées/réalisées, part locale et PME, étapes, calendrier 12 mois',
        params: slugParamsSchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => load(request, request.params.slug),
  );

  app.get(
    '/territories/:slug/dashboard.xlsx',
    { config: { access }, schema: { tags, summary: 'Tableau de bord en XLSX', params: slugParamsSchema } },
    async (request, reply) => {
      const content = await exportDashboardXlsx(await load(request, request.params.slug));
      return reply
        .header('Content-Type', MIME.xlsx)
        .header('Content-Disposition', attachment(`tableau-de-bord-${request.params.slug}.xlsx`))
        .send(content);
    },
  );

  app.get(
    '/territories/:slug/dashboard.pdf',
    { config: { access }, schema: { tags, summary: 'Tableau de bord en PDF', params: slugParamsSchema } },
    async (request, reply) => {
      const content = await exportDashboardPdf(await load(request, request.params.slug));
      return reply
        .header('Content-Type', MIME.pdf)
        .header('Content-Disposition', attachment(`tableau-de-bord-${request.params.slug}.pdf`))
        .send(content);
    },
  );
};
