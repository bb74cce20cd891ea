import { publicForecastSchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../authz/access';
import { publicBaseUrl } from '../../config/load-config';
import { buildForecastIcal, forecastCsvRows, presentPublicConsultation } from '../../local';
import { toCsv } from '../../files/csv';
import type { RouteOptions } from '../register-api-routes';

/** R2111-1: informing operators of future needs is lawful sourcing; the page says it commits no buyer. */
export const FORECAST_NOTICE_FR =
  'Programmation prévisionnelle publiée pour informer toutes les entreprises en même temps (article R2111-1 du code de la commande publique). ' +
  'Elle n’engage pas les acheteurs, ne vaut pas avis de marché et ne donne aucun avantage dans la future mise en concurrence.';

/**
 * The public forecast of a territory: no login (access `public`), published fields only —
 * volumes, lots and dates; never prices, amounts or members' needs.
 */
export const publicForecastRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['public'];

  const load = async (slug: string) => {
    const territory = await ctx.repos.territories.getBySlug(slug);
    if (!territory) throw new DomainError('not_found', `Territoire « ${slug} » introuvable.`);
    const consultations = await ctx.repos.plannedConsultations.listForTerritory(territory.id);
    return { territory, consultations: consultations.map(presentPublicConsultation) };
  };

  app.get(
    '/public/territories/:slug/forecast',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Consultations prévues du territoire (public)',
        params: slugParamsSchema,
        response: { 200: publicForecastSchema },
      },
    },
    async (request) => {
      const { territory, consultations } = await load(request.params.slug);
      return { territory: { slug: territory.slug, name: territory.name }, consultations, notice: FORECAST_NOTICE_FR };
    },
  );

  app.get(
    '/public/territories/:slug/forecast.csv',
    { config: { access: PUBLIC }, schema: { tags, summary: 'Consultations prévues, un lot par ligne (CSV)', params: slugParamsSchema } },
    async (request, reply) => {
      const { territory, consultations } = await load(request.params.slug);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="previsions-${territory.slug}.csv"`)
        .send(toCsv(forecastCsvRows(consultations)));
    },
  );

  app.get(
    '/public/territories/:slug/forecast.ics',
    {
      config: { access: PUBLIC },
      schema: { tags, summary: 'Calendrier iCalendar des lancements prévus (RFC 5545)', params: slugParamsSchema },
    },
    async (request, reply) => {
      const { territory, consultations } = await load(request.params.slug);
      // Links from the configured public URL: the Host header is the client's to choose.
      const publicUrl = publicBaseUrl(ctx.config);
      const pageUrl = `${publicUrl}/public/${encodeURIComponent(territory.slug)}/previsions`;
      const ical = buildForecastIcal({ territoryName: territory.name, consultations, uidDomain: new URL(publicUrl).hostname, pageUrl });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="previsions-${territory.slug}.ics"`)
        .send(ical);
    },
  );
};
