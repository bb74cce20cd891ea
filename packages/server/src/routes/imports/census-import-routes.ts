import { open } from 'node:fs/promises';
import {
  CENSUS_ACCEPT_MODES,
  censusImportQuerySchema,
  frenchEnum,
  idParamsSchema,
  importRecordSchema,
  organizationImportParamsSchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { ImportRecord } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../authz/access';
import { allowedTerritoryId } from '../../authz/install-access-control';
import { organizationFromParams } from '../../authz/scopes';
import { assertCensusFile, getOrganizationOrThrow } from '../../census';
import { readImportOptions, toImportDto } from '../../import';
import { acceptUploads, withUploadedFile } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';
import { importActorOf } from './imports-routes';

/** Largest census upload: a census of thousands of rows stays well below it. */
export const CENSUS_UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

async function firstBytes(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const confirmQuerySchema = z.object({
  accept: frenchEnum(CENSUS_ACCEPT_MODES, 'Mode d’enregistrement'),
  confirmAmounts: censusImportQuerySchema.shape.confirmAmounts,
});

/**
 * Census spreadsheet imports of one organization, as jobs: the upload returns at once with the file
 * being checked (or, with `?accept=`, stored); the buyer (or the facilitator) reads the check, then
 * stores all of it or its valid rows, and may undo an import once done.
 */
export const censusImportRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  await acceptUploads(app);
  const tags = ['imports'];
  /** The census import `importId` of organization `id` (another's is not found). */
  const censusOf = async (organizationId: string, importId: string): Promise<ImportRecord> => {
    const record = await ctx.repos.imports.getById(importId);
    if (record === undefined || readImportOptions(record).census?.organizationId !== organizationId)
      throw new DomainError('not_found', 'Import introuvable.');
    return record;
  };

  app.post(
    '/organizations/:id/needs/import',
    {
      config: { access: policy('need.write', organizationFromParams) },
      schema: {
        tags,
        summary:
          'Envoie un recensement XLSX ou CSV : vérifié sans ?accept ; accept=all : tout ou rien ; accept=valid : lignes valides ; confirmAmounts=true : montants inhabituels confirmés',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        querystring: censusImportQuerySchema,
        response: { 202: importRecordSchema },
      },
    },
    async (request, reply) => {
      const organization = await getOrganizationOrThrow(ctx.repos, request.params.id);
      const record = await withUploadedFile(request, CENSUS_UPLOAD_LIMIT_BYTES, async (path, name) => {
        assertCensusFile(name, await firstBytes(path));
        return ctx.imports.startCensus({
          territoryId: allowedTerritoryId(request),
          organizationId: organization.id,
          actor: importActorOf(request),
          upload: { path, name },
          mode: request.query.accept ?? 'dry_run',
          confirmAmounts: request.query.confirmAmounts === true,
        });
      });
      return reply.code(202).send(toImportDto(record));
    },
  );

  app.get(
    '/organizations/:id/imports/:importId',
    {
      config: { access: policy('need.read', organizationFromParams) },
      schema: {
        tags,
        summary: 'Un import de recensement : état, vérification, résultat',
        params: organizationImportParamsSchema,
        response: { 200: importRecordSchema },
      },
    },
    async (request) => toImportDto(await censusOf(request.params.id, request.params.importId)),
  );

  app.post(
    '/organizations/:id/imports/:importId/confirm',
    {
      config: { access: policy('need.write', organizationFromParams) },
      schema: {
        tags,
        summary:
          'Enregistre un recensement vérifié (accept=all : tout ou rien ; accept=valid : lignes valides ; confirmAmounts=true : montants inhabituels confirmés)',
        params: organizationImportParamsSchema,
        querystring: confirmQuerySchema,
        response: { 202: importRecordSchema },
      },
    },
    async (request, reply) => {
      await censusOf(request.params.id, request.params.importId);
      const { accept, confirmAmounts } = request.query;
      return reply.code(202).send(toImportDto(await ctx.imports.confirmCensus(request.params.importId, accept, confirmAmounts === true)));
    },
  );

  app.post(
    '/organizations/:id/imports/:importId/undo',
    {
      config: { access: policy('need.write', organizationFromParams) },
      schema: {
        tags,
        summary: 'Annule un import de recensement terminé',
        params: organizationImportParamsSchema,
        response: { 202: importRecordSchema },
      },
    },
    async (request, reply) => {
      await censusOf(request.params.id, request.params.importId);
      return reply.code(202).send(toImportDto(await ctx.imports.undo(request.params.importId, importActorOf(request).label)));
    },
  );
};
