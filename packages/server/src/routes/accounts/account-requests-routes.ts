import {
  accountRequestCreateSchema,
  accountRequestDecisionResultSchema,
  accountRequestDecisionSchema,
  accountRequestListSchema,
  accountRequestParamsSchema,
  accountRequestReceivedSchema,
  communeSearchSchema,
  REFERENCE_SEARCH_LIMIT,
  referenceQuerySchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { baseUrlOf, decideAccountRequest, presentAccountRequest } from '../../accounts';
import { PUBLIC, policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { searchCommunes } from '../../reference/reference-search';
import type { RouteOptions } from '../register-api-routes';

/** Pending requests a territory keeps at most: beyond, the public form asks to retry later (no flooding of the facilitator). */
export const MAX_PENDING_ACCOUNT_REQUESTS = 200;

/** A firm that found a public forecast asks for an account; the facilitator approves or rejects it. */
export const accountRequestsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['accounts'];

  app.post(
    '/public/territories/:slug/account-requests',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        summary: 'Une entreprise demande un compte sur le territoire (examinée par l’animateur)',
        params: slugParamsSchema,
        body: accountRequestCreateSchema,
        response: { 201: accountRequestReceivedSchema },
      },
    },
    async (request, reply) => {
      const territory = await ctx.repos.territories.getBySlug(request.params.slug);
      if (!territory) throw new DomainError('not_found', `Territoire « ${request.params.slug} » introuvable.`);
      const body = request.body;
      if ((await ctx.repos.accountRequests.countPending(territory.id)) >= MAX_PENDING_ACCOUNT_REQUESTS) {
        throw new DomainError('rate_limited', 'Trop de demandes attendent déjà l’animateur : réessayez dans quelques jours.');
      }
      if ((await ctx.repos.accountRequests.countPending(territory.id, { email: body.email })) > 0) {
        throw new DomainError('conflict', 'Une demande de cette adresse attend déjà la décision de l’animateur.', {
          issues: [{ field: 'email', reason: 'Demande déjà envoyée : l’animateur vous répondra.' }],
        });
      }
      if ((await ctx.repos.accountRequests.countPending(territory.id, { siret: body.siret })) > 0) {
        throw new DomainError('conflict', 'Une demande pour cette entreprise attend déjà la décision de l’animateur.', {
          issues: [{ field: 'siret', reason: 'Demande déjà envoyée pour ce SIRET.' }],
        });
      }
      await ctx.repos.accountRequests.insert({
        territoryId: territory.id,
        siret: body.siret,
        organizationName: body.organizationName,
        inseeCode: body.inseeCode,
        contactName: body.contactName,
        email: body.email,
        phone: body.phone ?? '',
        message: body.message ?? '',
        createdAt: ctx.now().toISOString(),
      });
      const next =
        ctx.mailer === null
          ? 'L’animateur vous transmettra le lien pour choisir votre mot de passe.'
          : 'Vous recevrez par e-mail le lien pour choisir votre mot de passe.';
      return reply.code(201).send({ message: `Demande envoyée à l’animateur du territoire ${territory.name}. ${next}` });
    },
  );

  // The public request form picks the firm's commune by name: the commune search, without an account.
  app.get(
    '/public/reference/communes',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        summary: 'Recherche de communes (nom ou code INSEE), pour le formulaire public de demande de compte',
        querystring: referenceQuerySchema,
        response: { 200: communeSearchSchema },
      },
    },
    async (request) => ({ items: searchCommunes(request.query.q, REFERENCE_SEARCH_LIMIT) }),
  );

  app.get(
    '/territories/:slug/account-requests',
    {
      config: { access: policy('accountRequest.manage', territoryFromParams) },
      schema: { tags, summary: 'Demandes d’accès des entreprises', params: slugParamsSchema, response: { 200: accountRequestListSchema } },
    },
    async (request) => {
      const requests = await ctx.repos.accountRequests.listForTerritory(allowedTerritoryId(request));
      return { items: await Promise.all(requests.map((r) => presentAccountRequest(ctx, r))) };
    },
  );

  app.post(
    '/territories/:slug/account-requests/:id/decision',
    {
      config: { access: policy('accountRequest.manage', territoryFromParams) },
      schema: {
        tags,
        summary: 'Approuve (l’entreprise rejoint le territoire, son compte est invité) ou refuse une demande',
        params: accountRequestParamsSchema,
        body: accountRequestDecisionSchema,
        response: { 200: accountRequestDecisionResultSchema },
      },
    },
    async (request) => {
      const territory = await ctx.repos.territories.getById(allowedTerritoryId(request));
      if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
      const decided = await decideAccountRequest({
        ctx,
        actor: actorOf(request),
        territory,
        requestId: request.params.id,
        approve: request.body.decision === 'approve',
        note: request.body.note ?? '',
        baseUrl: baseUrlOf(ctx, request),
      });
      return { request: await presentAccountRequest(ctx, decided.request), link: decided.link };
    },
  );
};
