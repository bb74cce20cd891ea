import {
  groupementIdParamsSchema,
  idParamsSchema,
  joinableGroupementListSchema,
  membershipDecisionBodySchema,
  membershipRequestBodySchema,
  membershipRequestListSchema,
  membershipRequestQuerySchema,
  membershipRequestSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf, allowedScope, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { decideMembershipUseCase, requestMembershipUseCase } from '../../lifecycle';
import { territoryForGroupements } from '../groupements/groupement-scopes';
import { groupementForBodyOrganization } from '../lifecycle/lifecycle-scopes';
import type { RouteOptions } from '../register-api-routes';
import { groupementOfAdmissionDecider, requestOfAdmissionDecider } from './membership-scopes';
import { listJoinableGroupements, presentMembershipRequests } from './present-membership';

/**
 * Requests to join a groupement (issue 13): a member buyer asks for its own organization and its
 * request waits; the facilitator (or the coordinator where the convention says so) lists and decides.
 */
export const membershipRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['groupements'];
  const auditOf = (request: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(request), at: ctx.now().toISOString() });
  const presentOne = async (request: Parameters<typeof presentMembershipRequests>[1][number]) => {
    const [dto] = await presentMembershipRequests(ctx.repos, [request]);
    if (!dto) throw new DomainError('internal', 'Présentation de la demande impossible.');
    return dto;
  };

  app.get(
    '/territories/:slug/groupements/joinable',
    {
      config: { access: policy('membership.request', territoryForGroupements) },
      schema: {
        tags,
        summary: 'Groupements que l’organisation du membre peut demander à rejoindre, et où en est sa demande',
        params: slugParamsSchema,
        response: { 200: joinableGroupementListSchema },
      },
    },
    async (request) => {
      const { organizationId } = allowedScope(request);
      if (organizationId === undefined) return { organizationId: null, items: [] };
      return listJoinableGroupements(ctx.repos, allowedTerritoryId(request), organizationId);
    },
  );

  app.post(
    '/groupements/:id/membership-requests',
    {
      config: { access: policy('membership.request', groupementForBodyOrganization) },
      schema: {
        tags,
        summary: 'Demande d’adhésion de son organisation (elle attend la décision de l’animateur ou du coordonnateur)',
        params: groupementIdParamsSchema,
        body: membershipRequestBodySchema,
        response: { 201: membershipRequestSchema },
      },
    },
    async (request, reply) => {
      const stored = await requestMembershipUseCase({
        database: ctx.database,
        groupementId: request.params.id,
        organizationId: request.body.organizationId,
        message: request.body.message,
        audit: auditOf(request),
      });
      return reply.code(201).send(await presentOne(stored));
    },
  );

  app.get(
    '/groupements/:id/membership-requests',
    {
      config: { access: policy('lifecycle.admit', groupementOfAdmissionDecider) },
      schema: {
        tags,
        summary: 'Demandes d’adhésion d’un groupement (pour qui les décide)',
        params: groupementIdParamsSchema,
        querystring: membershipRequestQuerySchema,
        response: { 200: membershipRequestListSchema },
      },
    },
    async (request) => {
      const items = await ctx.repos.membershipRequests.list({ groupementIds: [request.params.id], ...request.query });
      return { items: await presentMembershipRequests(ctx.repos, items) };
    },
  );

  app.get(
    '/territories/:slug/membership-requests',
    {
      config: { access: policy('lifecycle.admit', territoryFromParams) },
      schema: {
        tags,
        summary: 'Demandes d’adhésion aux groupements du territoire (animateur)',
        params: slugParamsSchema,
        querystring: membershipRequestQuerySchema,
        response: { 200: membershipRequestListSchema },
      },
    },
    async (request) => {
      const groupements = await ctx.repos.groupements.list({ territoryId: allowedTerritoryId(request) });
      const items = await ctx.repos.membershipRequests.list({ groupementIds: groupements.map((g) => g.id), ...request.query });
      return { items: await presentMembershipRequests(ctx.repos, items) };
    },
  );

  app.post(
    '/membership-requests/:id/decision',
    {
      config: { access: policy('lifecycle.admit', requestOfAdmissionDecider) },
      schema: {
        tags,
        summary: 'Accepte (l’organisation devient membre) ou refuse, motif à l’appui, une demande d’adhésion',
        params: idParamsSchema,
        body: membershipDecisionBodySchema,
        response: { 200: membershipRequestSchema },
      },
    },
    async (request) => {
      const decided = await decideMembershipUseCase({
        database: ctx.database,
        requestId: request.params.id,
        decision: request.body.decision,
        reason: request.body.reason ?? null,
        audit: auditOf(request),
      });
      return presentOne(decided);
    },
  );
};
