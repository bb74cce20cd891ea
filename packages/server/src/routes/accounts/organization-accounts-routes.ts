import {
  accountListSchema,
  idParamsSchema,
  invitationResultSchema,
  linkDeliverySchema,
  organizationInvitationSchema,
  organizationUserParamsSchema,
} from '@mutualis/contract';
import { DomainError, PUBLIC_BUYER_KINDS, type Role } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { baseUrlOf, describeGrant, inviteAccount, presentAccount, sendAccountLink } from '../../accounts';
import type { Actor } from '../../authz/actor';
import { policy } from '../../authz/access';
import { actorOf, allowedScope } from '../../authz/install-access-control';
import { organizationFromParams } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

/**
 * The accounts of one organization, managed by its own members (or the territory's facilitator):
 * a buyer invites its colleagues, sends them a new link, removes those who left.
 */
export const organizationAccountsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['accounts'];
  const access = { access: policy('organization.accounts', organizationFromParams) };

  /** Territories of the organization on which the caller manages its accounts (as facilitator, or acting for it). */
  const managedTerritories = (request: FastifyRequest, actor: Actor, organizationId: string): string[] =>
    allowedScope(request).territoryIds.filter((territoryId) =>
      actor.grants.some(
        (g) =>
          g.territoryId === territoryId &&
          (g.role === 'facilitator' || ((g.role === 'member' || g.role === 'supplier') && g.organizationId === organizationId)),
      ),
    );

  const accountOfOrganization = async (organizationId: string, userId: string, territoryIds: readonly string[]) => {
    const account = (await ctx.repos.users.listForOrganization(organizationId)).find(
      (a) => a.id === userId && a.roles.some((r) => territoryIds.includes(r.territoryId)),
    );
    if (!account) throw new DomainError('not_found', 'Compte introuvable dans cette organisation.');
    return account;
  };

  app.get(
    '/organizations/:id/users',
    {
      config: access,
      schema: { tags, summary: 'Comptes qui agissent pour l’organisation', params: idParamsSchema, response: { 200: accountListSchema } },
    },
    async (request) => {
      const territoryIds = managedTerritories(request, actorOf(request), request.params.id);
      const accounts = await ctx.repos.users.listForOrganization(request.params.id);
      return {
        items: accounts
          .filter((a) => a.roles.some((r) => territoryIds.includes(r.territoryId)))
          .map((a) => presentAccount(a, territoryIds)),
      };
    },
  );

  app.post(
    '/organizations/:id/users',
    {
      config: access,
      schema: {
        tags,
        summary: 'Invite un collègue à agir pour l’organisation (lien par e-mail, ou à transmettre)',
        params: idParamsSchema,
        body: organizationInvitationSchema,
        response: { 201: invitationResultSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const organization = await ctx.repos.organizations.getById(request.params.id);
      if (!organization) throw new DomainError('not_found', 'Organisation introuvable.');
      const territoryIds = managedTerritories(request, actor, organization.id);
      const territories = await ctx.repos.territories.list({ ids: territoryIds });
      const role: Role = PUBLIC_BUYER_KINDS.includes(organization.kind) ? 'member' : 'supplier';
      const result = await inviteAccount({
        ctx,
        email: request.body.email,
        name: request.body.name,
        roles: territories.map((t) => ({ role, territoryId: t.id, organizationId: organization.id })),
        invitedBy: { id: actor.userId, name: actor.name },
        what: describeGrant(role, territories.map((t) => t.name).join(', '), organization.name),
        baseUrl: baseUrlOf(ctx, request),
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/organizations/:id/users/:userId/link',
    {
      config: access,
      schema: {
        tags,
        summary: 'Nouveau lien à usage unique pour un collègue (invitation, ou réinitialisation du mot de passe)',
        params: organizationUserParamsSchema,
        body: z.strictObject({}),
        response: { 200: linkDeliverySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await accountOfOrganization(request.params.id, request.params.userId, managedTerritories(request, actor, request.params.id));
      return sendAccountLink(ctx, actor, request.params.userId, baseUrlOf(ctx, request));
    },
  );

  app.delete(
    '/organizations/:id/users/:userId',
    {
      config: access,
      schema: { tags, summary: 'Retire à un compte le droit d’agir pour l’organisation', params: organizationUserParamsSchema },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.params.userId === actor.userId) {
        throw DomainError.validation('Vous ne pouvez pas retirer votre propre accès.', [
          { field: 'userId', reason: 'Demandez à un collègue ou à l’animateur du territoire.' },
        ]);
      }
      const territoryIds = managedTerritories(request, actor, request.params.id);
      await accountOfOrganization(request.params.id, request.params.userId, territoryIds);
      await ctx.repos.users.removeOrganizationRoles({ userId: request.params.userId, organizationId: request.params.id, territoryIds });
      return reply.code(204).send();
    },
  );
};
