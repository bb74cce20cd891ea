import {
  decpImportConfirmSchema,
  decpImportQuerySchema,
  decpImportRepreviewSchema,
  importListSchema,
  importParamsSchema,
  importRecordSchema,
  slugParamsSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { ImportRecord } from '@mutualis/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { output, ZodType } from 'zod';
import { policy } from '../../authz/access';
import { actorOf, allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { toImportDto } from '../../import';
import { acceptUploads, withUploadedFile } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';

/** Largest DECP upload: a département's yearly awards are a few megabytes; a région's, tens. */
export const DECP_UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;

/** The caller as the import history names them. */
export function importActorOf(request: FastifyRequest) {
  const actor = actorOf(request);
  return { userId: actor.userId, label: `${actor.name} <${actor.email}>` };
}

/**
 * Imports of a territory, facilitator only (issue 15 §2). A DECP upload returns at once with the
 * import being previewed; the facilitator reads the preview, confirms it (or asks another preview
 * with another scope), follows its progress, and may undo it once done. The history lists every
 * import of the territory, census ones included. Proposed needs derived from DECP data are
 * confirmed or rejected by their buyer through `POST /api/needs/:id/confirm|reject`.
 */
export const importsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  await acceptUploads(app);
  const tags = ['imports'];
  const access = (action: 'import.read' | 'import.write') => policy(action, territoryFromParams);
  /** The import `importId` of the route's territory (another territory's is not found). */
  const importOf = async (request: FastifyRequest, importId: string): Promise<ImportRecord> => {
    const record = await ctx.repos.imports.getById(importId);
    if (record === undefined || record.territoryId !== allowedTerritoryId(request))
      throw new DomainError('not_found', 'Import introuvable.');
    return record;
  };
  const decpOf = async (request: FastifyRequest, importId: string): Promise<ImportRecord> => {
    const record = await importOf(request, importId);
    if (record.kind !== 'decp') throw new DomainError('conflict', 'Cet import n’est pas un import DECP.');
    return record;
  };

  app.post(
    '/territories/:slug/imports/decp',
    {
      config: { access: access('import.write') },
      schema: {
        tags,
        summary: 'Envoie un fichier DECP (JSON, XML ou CSV consolidé) : l’import est d’abord prévisualisé, puis confirmé',
        consumes: ['multipart/form-data'],
        params: slugParamsSchema,
        querystring: decpImportQuerySchema,
        response: { 202: importRecordSchema },
      },
    },
    async (request, reply) => {
      const { departements, includeOutside } = request.query;
      const record = await withUploadedFile(request, DECP_UPLOAD_LIMIT_BYTES, async (path, fileName) => {
        if (!/\.(json|xml|csv)$/i.test(fileName)) {
          throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un fichier DECP (.json, .xml ou .csv attendu).`);
        }
        return ctx.imports.startDecp({
          territoryId: allowedTerritoryId(request),
          actor: importActorOf(request),
          uploads: [{ path, name: fileName }],
          scope: {
            ...(departements === undefined ? {} : { departements }),
            ...(includeOutside === undefined ? {} : { includeOutside: includeOutside === 'true' }),
          },
        });
      });
      return reply.code(202).send(toImportDto(record));
    },
  );

  app.get(
    '/territories/:slug/imports',
    {
      config: { access: access('import.read') },
      schema: {
        tags,
        summary: 'Historique des imports du territoire (DECP et recensements), du plus récent au plus ancien',
        params: slugParamsSchema,
        response: { 200: importListSchema },
      },
    },
    async (request) => ({ items: (await ctx.repos.imports.listForTerritory(allowedTerritoryId(request))).map(toImportDto) }),
  );

  app.get(
    '/territories/:slug/imports/:importId',
    {
      config: { access: access('import.read') },
      schema: {
        tags,
        summary: 'Un import : état, progression, aperçu, résultat',
        params: importParamsSchema,
        response: { 200: importRecordSchema },
      },
    },
    async (request) => toImportDto(await importOf(request, request.params.importId)),
  );

  /** A facilitator's POST that starts a job on one import: answered 202 with the import as the job starts. */
  const jobRoute = <Extra extends { body?: ZodType }>(summary: string, extra: Extra) => ({
    config: { access: access('import.write') },
    schema: { tags, summary, params: importParamsSchema, response: { 202: importRecordSchema }, ...extra },
  });

  /** A step of a DECP import (`action`): its job starts from the import and the request's body. */
  const decpStep = <Body extends ZodType>(
    action: 'preview' | 'confirm',
    summary: string,
    body: Body,
    start: (importId: string, body: output<Body>) => Promise<ImportRecord>,
  ) =>
    app.post(`/territories/:slug/imports/:importId/${action}`, jobRoute(summary, { body }), async (request, reply) => {
      await decpOf(request, request.params.importId);
      // The body passed `body` (the route validates it), which TypeScript cannot follow through the generic.
      return reply.code(202).send(toImportDto(await start(request.params.importId, request.body as output<Body>)));
    });
  decpStep('preview', 'Recalcule l’aperçu d’un import DECP avec un autre périmètre', decpImportRepreviewSchema, (id, body) =>
    ctx.imports.repreviewDecp(id, body.scope),
  );
  decpStep('confirm', 'Confirme un import DECP prévisualisé : il s’exécute en arrière-plan', decpImportConfirmSchema, (id, body) =>
    ctx.imports.confirmDecp(id, body.scope),
  );

  app.post(
    '/territories/:slug/imports/:importId/undo',
    jobRoute('Annule un import terminé : ses contrats, besoins, adhésions et organisations créées', {}),
    async (request, reply) => {
      await importOf(request, request.params.importId);
      return reply.code(202).send(toImportDto(await ctx.imports.undo(request.params.importId, importActorOf(request).label)));
    },
  );
};
