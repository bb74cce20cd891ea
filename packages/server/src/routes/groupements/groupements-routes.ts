import {
  groupementCreateSchema,
  groupementListSchema,
  groupementPatchSchema,
  groupementSchema,
  idParamsSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError, type Groupement } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mergeFamilies } from '../../analysis';
import { policy } from '../../authz/access';
import { allowedScope } from '../../authz/install-access-control';
import { createGroupement, updateGroupement } from '../../groupements';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import type { RouteOptions } from '../register-api-routes';
import { groupementFromParams, territoryForGroupements } from './groupement-scopes';
import { presentGroupement } from './present-groupement';

const ALL = { limit: 1_000_000, offset: 0 };

/**
 * Groupements de commandes, minimal: created from an opportunity as drafts, listed, read and
 * changed while draft. The facilitator writes; member buyers read the groupements they belong to.
 */
export const groupementsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['groupements'];

  const present = async (territoryId: string, groupements: readonly Groupement[]) => {
    const [organizations, families] = await Promise.all([
      ctx.repos.organizations.list({ territoryId }, ALL),
      ctx.repos.families.list({ territoryId }),
    ]);
    const byId = new Map(organizations.items.map((o) => [o.id, o]));
    return groupements.map((g) => presentGroupement(g, byId, mergeFamilies(families)));
  };
  const presentOne = async (groupement: Groupement) => {
    const [dto] = await present(groupement.territoryId, [groupement]);
    if (!dto) throw new DomainError('internal', 'Présentation du groupement impossible.');
    return dto;
  };
  const getGroupement = async (id: string) => {
    const groupement = await ctx.repos.groupements.getById(id);
    if (!groupement) throw new DomainError('not_found', 'Groupement introuvable.');
    return groupement;
  };

  app.post(
    '/territories/:slug/groupements',
    {
      config: { access: policy('groupement.write', territoryForGroupements) },
      schema: {
        tags,
        summary: 'Crée un groupement (projet) à partir d’une opportunité',
        params: slugParamsSchema,
        body: groupementCreateSchema,
        response: { 201: groupementSchema },
      },
    },
    async (request, reply) => {
      const { opportunityId, at, name, mandateScope, coordinatorIds, isPermanent, admissionsBy } = request.body;
      const analysis = await analyseForRequest(ctx, request.params.slug, at ? { at } : {});
      const groupement = await createGroupement({
        repos: ctx.repos,
        analysis,
        opportunityId,
        mandateScope,
        isPermanent,
        admissionsBy,
        ...(name ? { name } : {}),
        ...(coordinatorIds ? { coordinatorIds } : {}),
      });
      return reply.code(201).send(await presentOne(groupement));
    },
  );

  app.get(
    '/territories/:slug/groupements',
    {
      config: { access: policy('groupement.read', territoryForGroupements) },
      schema: {
        tags,
        summary: 'Groupements du territoire (membre : ceux dont son organisation est membre)',
        params: slugParamsSchema,
        response: { 200: groupementListSchema },
      },
    },
    async (request) => {
      const scope = allowedScope(request);
      const territoryId = scope.territoryIds[0] ?? '';
      const all = await ctx.repos.groupements.list({ territoryId });
      const seesAll = request.actor?.grants.some((g) => g.territoryId === territoryId && g.role === 'facilitator') ?? false;
      const visible = seesAll ? all : all.filter((g) => scope.organizationId !== undefined && g.memberIds.includes(scope.organizationId));
      return { items: await present(territoryId, visible) };
    },
  );

  app.get(
    '/groupements/:id',
    {
      config: { access: policy('groupement.read', groupementFromParams) },
      schema: { tags, summary: 'Un groupement, ses membres et son mandat', params: idParamsSchema, response: { 200: groupementSchema } },
    },
    async (request) => presentOne(await getGroupement(request.params.id)),
  );

  app.patch(
    '/groupements/:id',
    {
      config: { access: policy('groupement.write', groupementFromParams) },
      schema: {
        tags,
        summary: 'Modifie un groupement en projet (nom, mandat, coordonnateurs, membres)',
        params: idParamsSchema,
        body: groupementPatchSchema,
        response: { 200: groupementSchema },
      },
    },
    async (request) => {
      const groupement = await getGroupement(request.params.id);
      return presentOne(await updateGroupement({ repos: ctx.repos, groupement, changes: request.body }));
    },
  );
};
