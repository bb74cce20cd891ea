import { censusImportQuerySchema, censusImportResultSchema, idParamsSchema } from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { organizationFromParams } from '../../authz/scopes';
import { getOrganizationOrThrow, importContracts } from '../../census';
import { CENSUS_UPLOAD_LIMIT_BYTES } from '../imports/census-import-routes';
import { acceptUploads, readUpload } from '../files/read-upload';
import type { RouteOptions } from '../register-api-routes';

/** Import of the « Contrats en cours » sheet of the census workbook (or a CSV of the same columns). */
export const contractsImportRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  await acceptUploads(app);

  app.post(
    '/organizations/:id/contracts/import',
    {
      config: { access: policy('contract.write', organizationFromParams) },
      schema: {
        tags: ['contracts'],
        summary:
          'Importe les contrats en cours (feuille « Contrats en cours » du classeur de recensement, ou CSV) ; essai sans ?accept, accept=all : tout ou rien, accept=valid : lignes valides',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        querystring: censusImportQuerySchema,
        response: { 200: censusImportResultSchema },
      },
    },
    async (request) => {
      const organization = await getOrganizationOrThrow(ctx.repos, request.params.id);
      const { fileName, content } = await readUpload(request, CENSUS_UPLOAD_LIMIT_BYTES);
      const mode = request.query.accept ?? 'dry_run';
      return importContracts({ m: ctx.database, repos: ctx.repos, organization, fileName, content, mode });
    },
  );
};
