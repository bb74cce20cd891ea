import { type DecpImportSummary, decpImportSummarySchema, MAX_LISTED_REJECTIONS, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { territoryFromParams } from '../../authz/scopes';
import { type ImportDecpResult, importDecp } from '../../import';
import { acceptUploads, withUploadedFile } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';

/** Largest DECP upload: a département's yearly awards are a few megabytes; a région's, tens. */
export const DECP_UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;

/**
 * Upload of DECP award data (JSON or XML, 2019 or 2024 format) into a territory, facilitator only.
 * Proposed needs derived from it are confirmed or rejected by their buyer through
 * `PATCH /api/needs/:id {status}` (need.write: the owning member or the facilitator).
 */
export const importsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  await acceptUploads(app);

  app.post(
    '/territories/:slug/imports/decp',
    {
      config: { access: policy('import.write', territoryFromParams) },
      schema: {
        tags: ['imports'],
        summary: 'Importe un fichier DECP (JSON ou XML) : marchés en cours et besoins proposés',
        consumes: ['multipart/form-data'],
        params: slugParamsSchema,
        response: { 200: decpImportSummarySchema },
      },
    },
    async (request) =>
      withUploadedFile(request, DECP_UPLOAD_LIMIT_BYTES, async (path, fileName) => {
        if (!/\.(json|xml)$/i.test(fileName)) {
          throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un fichier DECP (.json ou .xml attendu).`);
        }
        const result = await importDecp({ m: ctx.database, territorySlug: request.params.slug, files: [path] });
        return toSummary(result);
      }),
  );
};

/** The answer of an upload: counts, and the first rejections. */
export function toSummary(result: ImportDecpResult): DecpImportSummary {
  return {
    read: result.read,
    imported: result.imported,
    updated: result.updated,
    unchanged: result.unchanged,
    duplicates: result.duplicates,
    rejected: result.rejected,
    rejectedByKind: result.rejectedByKind,
    flagged: result.flagged,
    amountAnomalies: result.amountAnomalies,
    rejections: result.rejections.slice(0, MAX_LISTED_REJECTIONS),
    rejectionsTruncated: result.rejectionsTruncated || result.rejections.length > MAX_LISTED_REJECTIONS,
    proposedNeeds: result.needs,
  };
}
