import { contactBodySchema, contactListQuerySchema, contactListSchema, contactSchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { ContactEntry } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

/** Shown with the log: why every exchange with a firm is recorded. */
export const CONTACT_LOG_NOTICE_FR =
  'Journal des échanges avec les entreprises (sourcing, article R2111-1) : chaque contact est consigné pour montrer que toutes les entreprises ' +
  'reçoivent la même information et sont traitées de manière égale ; aucun échange ne donne d’avantage dans la future mise en concurrence.';

export const contactsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['sourcing'];

  const present = async (entries: readonly ContactEntry[]) => {
    const [firms, users] = await Promise.all([
      Promise.all([...new Set(entries.map((e) => e.organizationId))].map((id) => ctx.repos.organizations.getById(id))),
      Promise.all([...new Set(entries.flatMap((e) => (e.userId ? [e.userId] : [])))].map((id) => ctx.repos.users.getById(id))),
    ]);
    const firmNames = new Map(firms.flatMap((f) => (f ? [[f.id, f.name] as const] : [])));
    const userNames = new Map(users.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
    return entries.map((e) => ({
      id: e.id,
      firm: { id: e.organizationId, name: firmNames.get(e.organizationId) ?? '' },
      channel: e.channel,
      subject: e.subject,
      notes: e.notes,
      occurredAt: e.occurredAt,
      loggedBy: e.userId ? (userNames.get(e.userId) ?? null) : null,
    }));
  };

  app.get(
    '/territories/:slug/contacts',
    {
      config: { access: policy('local.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Journal des contacts avec les entreprises (égalité de traitement)',
        params: slugParamsSchema,
        querystring: contactListQuerySchema,
        response: { 200: contactListSchema },
      },
    },
    async (request) => {
      const { limit, offset, firm } = request.query;
      const page = await ctx.repos.contactLog.list({ territoryId: allowedTerritoryId(request), organizationId: firm }, { limit, offset });
      return { items: await present(page.items), total: page.total, limit, offset, notice: CONTACT_LOG_NOTICE_FR };
    },
  );

  app.post(
    '/territories/:slug/contacts',
    {
      config: { access: policy('local.contact', territoryFromParams) },
      schema: {
        tags,
        summary: 'Consigne un contact avec une entreprise',
        params: slugParamsSchema,
        body: contactBodySchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => {
      const territoryId = allowedTerritoryId(request);
      const { firm, channel, subject, notes } = request.body;
      const profile = await ctx.repos.supplierProfiles.getByOrganizationId(firm);
      const territories = await ctx.repos.memberships.listTerritoryIds(firm);
      if (!profile || !territories.includes(territoryId)) {
        throw DomainError.validation('Entreprise inconnue.', [
          { field: 'firm', reason: 'Aucune entreprise du territoire n’a cet identifiant.' },
        ]);
      }
      const entry = await ctx.repos.contactLog.insert({
        territoryId,
        organizationId: firm,
        userId: actorOf(request).userId,
        channel,
        subject,
        notes,
        occurredAt: ctx.now().toISOString(),
      });
      const [presented] = await present([entry]);
      if (!presented) throw new DomainError('internal', 'Contact enregistré mais illisible.');
      return reply.code(201).send(presented);
    },
  );
};
