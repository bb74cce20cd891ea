import {
  accountListSchema,
  invitationResultSchema,
  linkDeliverySchema,
  slugParamsSchema,
  territoryInvitationSchema,
  userParamsSchema,
} from '@mutualis/contract';
import { DomainError, PUBLIC_BUYER_KINDS, type Role } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { baseUrlOf, describeGrant, inviteAccount, presentAccount, sendAccountLink } from '../../accounts';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import type { RouteOptions } from '../register-api-routes';

/** The accounts of a territory, managed by its facilitator: list, invite, send a new link, remove. */
export const territoryAccountsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['accounts'];
  const access = { access: policy('territory.accounts', territoryFromParams) };

  /** The account must hold a role on the territory (404 otherwise: other territories' accounts are not the caller's business). */
  const accountOnTerritory = async (territoryId: string, userId: string) => {
    const account = (await ctx.repos.users.listForTerritory(territoryId)).find((a) => a.id === userId);
    if (!account) throw new DomainError('not_found', 'Compte introuvable sur ce territoire.');
    return account;
  };

  app.get(
    '/territories/:slug/users',
    {
      config: access,
      schema: { tags, summary: 'Comptes du territoire et leurs rôles', params: slugParamsSchema, response: { 200: accountListSchema } },
    },
    async (request) => {
      const territoryId = allowedTerritoryId(request);
      return { items: (await ctx.repos.users.listForTerritory(territoryId)).map((a) => presentAccount(a)) };
    },
  );

  app.post(
    '/territories/:slug/users',
    {
      config: access,
      schema: {
        tags,
        summary: 'Invite une personne sur le territoire (lien par e-mail, ou à transmettre)',
        params: slugParamsSchema,
        body: territoryInvitationSchema,
        response: { 201: invitationResultSchema },
      },
    },
    async (request, reply) => {
      const territoryId = allowedTerritoryId(request);
      const territory = await ctx.repos.territories.getById(territoryId);
      if (!territory) throw new DomainError('not_found', 'Territoire introuvable.');
      const { email, name, role } = request.body;
      const organizationId = request.body.organizationId ?? null;
      const organizationName = organizationId === null ? null : await checkOrganization(territoryId, organizationId, role);
      const actor = actorOf(request);
      const result = await inviteAccount({
        ctx,
        email,
        name,
        roles: [{ role, territoryId, organizationId }],
        invitedBy: { id: actor.userId, name: actor.name },
        what: describeGrant(role, territory.name, organizationName),
        baseUrl: baseUrlOf(ctx, request),
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/territories/:slug/users/:userId/link',
    {
      config: access,
      schema: {
        tags,
        summary: 'Nouveau lien à usage unique (invitation, ou réinitialisation du mot de passe)',
        params: userParamsSchema,
        body: z.strictObject({}),
        response: { 200: linkDeliverySchema },
      },
    },
    async (request) => {
      await accountOnTerritory(allowedTerritoryId(request), request.params.userId);
      return sendAccountLink(ctx, actorOf(request), request.params.userId, baseUrlOf(ctx, request));
    },
  );

  app.delete(
    '/territories/:slug/users/:userId',
    { config: access, schema: { tags, summary: 'Retire tous les rôles du compte sur le territoire', params: userParamsSchema } },
    async (request, reply) => {
      const territoryId = allowedTerritoryId(request);
      if (request.params.userId === actorOf(request).userId) {
        throw DomainError.validation('Vous ne pouvez pas retirer votre propre accès.', [
          { field: 'userId', reason: 'Demandez à un autre animateur ou à l’administrateur.' },
        ]);
      }
      await accountOnTerritory(territoryId, request.params.userId);
      await ctx.repos.users.removeTerritoryRoles({ userId: request.params.userId, territoryId });
      return reply.code(204).send();
    },
  );

  /** The organization must be a member of the territory and fit the role: buyers are members, firms suppliers. */
  async function checkOrganization(territoryId: string, organizationId: string, role: Role): Promise<string> {
    const organization = await ctx.repos.organizations.getById(organizationId);
    if (!organization || !(await ctx.repos.memberships.isMember(territoryId, organizationId))) {
      throw DomainError.validation('Organisation inconnue.', [
        { field: 'organizationId', reason: 'Cette organisation n’est pas membre du territoire.' },
      ]);
    }
    const isBuyer = PUBLIC_BUYER_KINDS.includes(organization.kind);
    if (role === 'member' && !isBuyer) {
      throw DomainError.validation('Rôle incohérent.', [
        { field: 'role', reason: `${organization.name} est une entreprise : invitez cette personne comme « entreprise ».` },
      ]);
    }
    if (role === 'supplier' && isBuyer) {
      throw DomainError.validation('Rôle incohérent.', [
        { field: 'role', reason: `${organization.name} est un acheteur public : invitez cette personne comme « acheteur ».` },
      ]);
    }
    return organization.name;
  }
};
