import { dashboardSchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { territoryFromParams } from '../../authz/scopes';
import { buildDashboard, exportDashboardPdf, exportDashboardXlsx } from '../../lifecycle';
import { attachment, MIME } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';

/** The territory dashboard (issue 6 §2) and its XLSX and PDF exports. */
export const dashboardRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['dashboard'];
  const access = policy('dashboard.read', territoryFromParams);
  const load = async (slug: string) => {
    const territory = await ctx.repos.territories.getBySlug(slug);
    if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
    return buildDashboard({ repos: ctx.repos, territory, now: ctx.now().toISOString().slice(0, 10) });
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
    async (request) => load(request.params.slug),
  );

  app.get(
    '/territories/:slug/dashboard.xlsx',
    { config: { access }, schema: { tags, summary: 'Tableau de bord en XLSX', params: slugParamsSchema } },
    async (request, reply) => {
      const content = await exportDashboardXlsx(await load(request.params.slug));
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
      const content = await exportDashboardPdf(await load(request.params.slug));
      return reply
        .header('Content-Type', MIME.pdf)
        .header('Content-Disposition', attachment(`tableau-de-bord-${request.params.slug}.pdf`))
        .send(content);
    },
  );
};
