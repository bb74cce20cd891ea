import {
  adminTerritoryListSchema,
  facilitatorInvitationSchema,
  invitationResultSchema,
  linkDeliverySchema,
  slugParamsSchema,
  territoryCreateSchema,
  territorySchema,
} from '@mutualis/contract';
import { DomainError, type PoolingScope } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { baseUrlOf, describeGrant, inviteAccount, presentAccount, sendAccountLink } from '../../accounts';
import { ADMIN } from '../../authz/access';
import { actorOf } from '../../authz/install-access-control';
import type { RouteOptions } from '../register-api-routes';

const userParamsSchema = z.object({ userId: z.string().min(1).max(64) });

/** The instance administrators' screen: territories, their facilitators, and links for any account. */
export const adminRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['admin'];

  app.get(
    '/admin/territories',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Territoires de l’instance, leurs animateurs, et les administrateurs',
        response: { 200: adminTerritoryListSchema },
      },
    },
    async () => {
      const territories = await ctx.repos.territories.list();
      const items = await Promise.all(
        territories.map(async (territory) => {
          const [accounts, organizationIds] = await Promise.all([
            ctx.repos.users.listForTerritory(territory.id),
            ctx.repos.memberships.listOrganizationIds(territory.id),
          ]);
          const facilitators = accounts.filter((a) => a.roles.some((r) => r.role === 'facilitator'));
          return {
            id: territory.id,
            slug: territory.slug,
            name: territory.name,
            isDemo: territory.isDemo,
            organizationCount: organizationIds.length,
            facilitators: facilitators.map((a) => presentAccount({ ...a, roles: a.roles.filter((r) => r.role === 'facilitator') })),
          };
        }),
      );
      return { items, administrators: (await ctx.repos.users.listAdmins()).map((a) => presentAccount(a)) };
    },
  );

  app.post(
    '/admin/territories',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Crée un territoire', body: territoryCreateSchema, response: { 201: territorySchema } },
    },
    async (request, reply) => {
      const { name, slug, poolingScope } = request.body;
      const scope: PoolingScope = { kind: poolingScope ?? 'territory' };
      const territory = await ctx.repos.territories.insert({ name, slug, poolingScope: scope, isDemo: false }).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'conflict') {
          throw new DomainError('conflict', `L’identifiant « ${slug} » est déjà celui d’un territoire.`, {
            issues: [{ field: 'slug', reason: 'Identifiant déjà utilisé : choisissez-en un autre.' }],
          });
        }
        throw error;
      });
      return reply.code(201).send(territory);
    },
  );

  app.post(
    '/admin/territories/:slug/facilitators',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Invite un animateur du territoire (lien par e-mail, ou à transmettre)',
        params: slugParamsSchema,
        body: facilitatorInvitationSchema,
        response: { 201: invitationResultSchema },
      },
    },
    async (request, reply) => {
      const territory = await ctx.repos.territories.getBySlug(request.params.slug);
      if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
      const actor = actorOf(request);
      const result = await inviteAccount({
        ctx,
        email: request.body.email,
        name: request.body.name,
        roles: [{ role: 'facilitator', territoryId: territory.id, organizationId: null }],
        invitedBy: { id: actor.userId, name: actor.name },
        what: describeGrant('facilitator', territory.name, null),
        baseUrl: baseUrlOf(ctx, request),
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/admin/users/:userId/link',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Nouveau lien à usage unique pour un compte (invitation, ou réinitialisation du mot de passe)',
        params: userParamsSchema,
        body: z.strictObject({}),
        response: { 200: linkDeliverySchema },
      },
    },
    async (request) => {
      if (!(await ctx.repos.users.getById(request.params.userId))) throw new DomainError('not_found', 'Compte introuvable.');
      return sendAccountLink(ctx, actorOf(request), request.params.userId, baseUrlOf(ctx, request));
    },
  );
};
