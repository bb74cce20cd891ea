import { slugParamsSchema } from '@mutualis/contract';
import type { Groupement, GroupementStatus } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { type Actor, hasRoleIn } from '../../authz/actor';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { disclosureViewerOf } from '../../authz/visibility';
import { publicBaseUrl } from '../../config/load-config';
import { buildTerritoryDecp, buildTerritoryOcds, loadTerritoryOpenData, OCID_PREFIX, redactOpenData } from '../../groupements';
import { analyseForRequest } from '../opportunities/analyse-for-request';
import type { RouteOptions } from '../register-api-routes';

/**
 * Statuses before the launch: the groupement's planning (members, family, estimated value) is
 * still the buyers' own business; the procedure, and its notice, is public from the launch on.
 */
const BEFORE_LAUNCH: ReadonlySet<GroupementStatus> = new Set(['draft', 'convention_drafted', 'signed']);

/**
 * The groupements whose open data `actor` may read: all of them for the buyers' side of the
 * territory (facilitator, observer, member), only those launched or later for a supplier, who
 * must learn of a procedure when every firm does.
 */
function publishedFor(actor: Actor, territoryId: string, groupements: readonly Groupement[]): Groupement[] {
  if (hasRoleIn(actor, territoryId, ['facilitator', 'observer', 'member'])) return [...groupements];
  return groupements.filter((g) => !BEFORE_LAUNCH.has(g.status));
}

/**
 * Open data of a territory's groupements: OCDS 1.1 and DECP 2024. Published data could be public;
 * for now any role of the territory reads it (issue 4 §4), suppliers from the launch on.
 */
export const opendataRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['opendata'];
  const access = policy('opendata.read', territoryFromParams);
  /**
   * The territory's groupements `actor` may read (`publishedFor`) with their awarded lots (full
   * data: what a reader may see of each is decided by the presenters).
   */
  const openDataOf = async (slug: string, actor: Actor, territoryId: string) => {
    const analysis = await analyseForRequest(ctx, slug, {});
    const groupements = publishedFor(actor, territoryId, await ctx.repos.groupements.list({ territoryId }));
    const inputs = await loadTerritoryOpenData({
      repos: ctx.repos,
      analysis,
      groupements,
      planningDate: ctx.now().toISOString().slice(0, 10),
    });
    return { inputs, territoryName: analysis.data.territory.name, analysis, groupements };
  };

  app.get(
    '/territories/:slug/ocds.json',
    {
      config: { access },
      schema: { tags, summary: 'Paquet de publications OCDS 1.1 des groupements du territoire', params: slugParamsSchema },
    },
    async (request, reply) => {
      const { inputs, territoryName, analysis, groupements } = await openDataOf(
        request.params.slug,
        actorOf(request),
        allowedTerritoryId(request),
      );
      // The configured public URL, never the Host header (which a client chooses).
      const uri = `${publicBaseUrl(ctx.config)}/api/territories/${encodeURIComponent(request.params.slug)}/ocds.json`;
      const publishedDate = `${ctx.now().toISOString().slice(0, 19)}Z`;
      const document = buildTerritoryOcds({ inputs, territoryName, uri, publishedDate });
      const viewer = disclosureViewerOf(actorOf(request), [allowedTerritoryId(request)]);
      const readable = await redactOpenData({ repos: ctx.repos, document, groupements, analysis, viewer, ocidPrefix: OCID_PREFIX });
      return reply.type('application/json; charset=utf-8').send(readable);
    },
  );

  app.get(
    '/territories/:slug/decp.json',
    {
      config: { access },
      schema: { tags, summary: 'Données essentielles (DECP 2024) des marchés attribués via Mutualis', params: slugParamsSchema },
    },
    async (request, reply) => {
      const { inputs } = await openDataOf(request.params.slug, actorOf(request), allowedTerritoryId(request));
      const publicationDate = ctx.now().toISOString().slice(0, 10);
      return reply.type('application/json; charset=utf-8').send(buildTerritoryDecp({ inputs, publicationDate }));
    },
  );
};
