import { groupementMemberParamsSchema, idParamsSchema } from '@mutualis/contract';
import { composeAssemblyPack, DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { analysisCacheOf } from '../../analysis';
import { policy } from '../../authz/access';
import { actorOf, allowedScope } from '../../authz/install-access-control';
import { disclosureViewerOf } from '../../authz/visibility';
import { buildConventionDocx, buildConventionPdf, exportGroupementXlsx, renderDocx, renderPdf } from '../../files';
import {
  buildAssemblyPackInput,
  buildConventionInput,
  buildGroupementFile,
  loadGroupementDossier,
  loadGroupementPeers,
} from '../../groupements';
import { MIME } from '../files/read-upload';
import { sendFile } from '../files/files-routes';
import type { RouteOptions } from '../register-api-routes';
import { groupementFromParams, groupementMemberPack } from './groupement-scopes';

/** Documents of a groupement: the convention constitutive (DOCX, PDF) and the groupement file (XLSX). */
export const groupementDocumentsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['groupements'];
  const access = policy('groupement.read', groupementFromParams);

  const dossierOf = async (id: string) => {
    const groupement = await ctx.repos.groupements.getById(id);
    if (!groupement) throw new DomainError('not_found', 'Groupement introuvable.');
    const at = ctx.now().toISOString().slice(0, 10);
    return loadGroupementDossier({ repos: ctx.repos, groupement, at, cache: analysisCacheOf(ctx.database) });
  };
  const fileName = (name: string, extension: string) =>
    `${name
      .normalize('NFC')
      .replace(/[\\/:*?"<>|]+/g, '-')
      .slice(0, 120)}.${extension}`;

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/groupements/:id/convention.${format}`,
      {
        config: { access },
        schema: { tags, summary: `Convention constitutive du groupement (${format.toUpperCase()})`, params: idParamsSchema },
      },
      async (request, reply) => {
        const dossier = await dossierOf(request.params.id);
        const input = buildConventionInput(dossier, disclosureViewerOf(actorOf(request), allowedScope(request).territoryIds));
        const content = format === 'docx' ? await buildConventionDocx(input) : await buildConventionPdf(input);
        return sendFile(reply, content, fileName(`Convention - ${dossier.groupement.name}`, format), MIME[format]);
      },
    );
  }

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/groupements/:id/members/:orgId/assembly-pack.${format}`,
      {
        config: { access: policy('groupement.pack', groupementMemberPack) },
        schema: {
          tags,
          summary: `Dossier d’assemblée d’un membre : note de présentation, projet de délibération, annexes de la convention (${format.toUpperCase()})`,
          params: groupementMemberParamsSchema,
        },
      },
      async (request, reply) => {
        const dossier = await dossierOf(request.params.id);
        const viewer = disclosureViewerOf(actorOf(request), allowedScope(request).territoryIds);
        const pack = composeAssemblyPack(buildAssemblyPackInput(dossier, request.params.orgId, viewer));
        const content = format === 'docx' ? await renderDocx(pack) : await renderPdf(pack);
        const member = dossier.members.find((m) => m.id === request.params.orgId)?.name ?? request.params.orgId;
        return sendFile(reply, content, fileName(`Dossier d’assemblée - ${member} - ${dossier.groupement.name}`, format), MIME[format]);
      },
    );
  }

  app.get(
    '/groupements/:id/file.xlsx',
    {
      config: { access },
      schema: { tags, summary: 'Dossier du groupement (membres, besoins, marchés en cours, calendrier) en XLSX', params: idParamsSchema },
    },
    async (request, reply) => {
      const dossier = await dossierOf(request.params.id);
      const actor = actorOf(request);
      const { territoryIds } = allowedScope(request);
      const viewer = disclosureViewerOf(actor, territoryIds);
      const file = buildGroupementFile({ dossier, viewer, peers: await loadGroupementPeers(ctx.repos, dossier) });
      return sendFile(reply, await exportGroupementXlsx(file), fileName(dossier.groupement.name, 'xlsx'), MIME.xlsx);
    },
  );
};
