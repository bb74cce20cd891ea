import {
  admissionBodySchema,
  awardBodySchema,
  awardEssentialDataSchema,
  awardLotParamsSchema,
  consumptionBodySchema,
  consumptionResultSchema,
  groupementIdParamsSchema,
  signatureBodySchema,
  transitionBodySchema,
} from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { actorOf } from '../../authz/install-access-control';
import {
  admitMemberUseCase,
  loadLifecycle,
  parseConsumptionFile,
  recordAwardEssentialDataUseCase,
  recordAwardsUseCase,
  recordConsumptionUseCase,
  recordSignatureUseCase,
  transitionGroupement,
} from '../../lifecycle';
import { acceptUploads, readUpload } from '../files/read-upload';
import { groupementOfAdmissionDecider } from '../membership/membership-scopes';
import type { RouteOptions } from '../register-api-routes';
import { refuseOtherOrganizationsLines } from './consumption-lines-access';
import {
  groupementForBodyOrganization,
  groupementForEntriesOrganization,
  groupementOfCoordinator,
  groupementOfMember,
} from './lifecycle-scopes';
import { lifecycleViewFor } from './lifecycle-view-for';

const CONSUMPTION_UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Lifecycle writes (issue 6): steps, signatures, admissions, awards, consumption. Each answers the refreshed lifecycle view. */
export const lifecycleWriteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['lifecycle'];
  await acceptUploads(app);
  const auditOf = (request: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(request), at: ctx.now().toISOString() });
  const params = groupementIdParamsSchema;

  app.post(
    '/groupements/:id/transitions',
    {
      config: { access: policy('lifecycle.run', groupementOfCoordinator) },
      schema: {
        tags,
        summary: 'Fait passer le groupement à l’étape suivante (refus motivé : 409 avec les raisons)',
        params,
        body: transitionBodySchema,
      },
    },
    async (request) => {
      await transitionGroupement({
        database: ctx.database,
        repos: ctx.repos,
        groupementId: request.params.id,
        request: request.body,
        audit: auditOf(request),
      });
      return lifecycleViewFor(ctx, request, request.params.id);
    },
  );

  app.post(
    '/groupements/:id/signatures',
    {
      config: { access: policy('lifecycle.sign', groupementForBodyOrganization) },
      schema: {
        tags,
        summary: 'Enregistre la signature de la convention et/ou la délibération d’un membre',
        params,
        body: signatureBodySchema,
      },
    },
    async (request) => {
      await recordSignatureUseCase({
        database: ctx.database,
        groupementId: request.params.id,
        input: request.body,
        audit: auditOf(request),
      });
      return lifecycleViewFor(ctx, request, request.params.id);
    },
  );

  app.post(
    '/groupements/:id/members',
    {
      config: { access: policy('lifecycle.admit', groupementOfAdmissionDecider) },
      schema: {
        tags,
        summary:
          'Adhésion d’un membre, décidée par l’animateur (ou le coordonnateur si la convention le prévoit) ; refusée après le lancement, sauf groupement permanent : procédure suivante',
        params,
        body: admissionBodySchema,
      },
    },
    async (request) => {
      await admitMemberUseCase({
        database: ctx.database,
        groupementId: request.params.id,
        organizationId: request.body.organizationId,
        audit: auditOf(request),
      });
      return lifecycleViewFor(ctx, request, request.params.id);
    },
  );

  app.post(
    '/groupements/:id/awards',
    {
      config: { access: policy('lifecycle.run', groupementOfCoordinator) },
      schema: { tags, summary: 'Enregistre l’attribution de lots (titulaire, prix, dates)', params, body: awardBodySchema },
    },
    async (request) => {
      await recordAwardsUseCase({
        database: ctx.database,
        repos: ctx.repos,
        groupementId: request.params.id,
        lots: request.body.lots,
        audit: auditOf(request),
      });
      return lifecycleViewFor(ctx, request, request.params.id);
    },
  );

  app.put(
    '/groupements/:id/awards/:lotKey/essential-data',
    {
      config: { access: policy('lifecycle.run', groupementOfCoordinator) },
      schema: {
        tags,
        summary: 'Enregistre les données essentielles (DECP 2024) d’un lot attribué : notification, offres reçues, prix…',
        params: awardLotParamsSchema,
        body: awardEssentialDataSchema,
      },
    },
    async (request) => {
      await recordAwardEssentialDataUseCase({
        database: ctx.database,
        groupementId: request.params.id,
        lotKey: request.params.lotKey,
        essentialData: request.body,
        audit: auditOf(request),
      });
      return lifecycleViewFor(ctx, request, request.params.id);
    },
  );

  app.post(
    '/groupements/:id/consumption',
    {
      config: { access: policy('lifecycle.consume', groupementForEntriesOrganization) },
      schema: {
        tags,
        summary: 'Saisit des consommations (tout ou rien)',
        params,
        body: consumptionBodySchema,
        response: { 200: consumptionResultSchema },
      },
    },
    async (request) =>
      recordConsumptionUseCase({
        database: ctx.database,
        groupementId: request.params.id,
        entries: request.body.entries,
        source: 'manual',
        audit: auditOf(request),
      }),
  );

  app.post(
    '/groupements/:id/consumption/import',
    {
      // Same rule as the manual route: each line's organization must pass `lifecycle.consume` (checked once the file is read).
      config: { access: policy('lifecycle.consume', groupementOfMember) },
      schema: {
        tags,
        summary: 'Importe des consommations CSV ou XLSX (Lot ; SIRET ; Mois ; Quantité ; Montant HT), tout ou rien',
        consumes: ['multipart/form-data'],
        params,
        response: { 200: consumptionResultSchema },
      },
    },
    async (request) => {
      const { fileName, content } = await readUpload(request, CONSUMPTION_UPLOAD_LIMIT_BYTES);
      const loaded = await loadLifecycle(ctx.repos, request.params.id);
      const memberIdBySiret = new Map([...loaded.organizations.values()].map((o) => [o.siret, o.id]));
      const entries = await parseConsumptionFile(content, { fileName, memberIdBySiret });
      if (entries.length === 0) throw DomainError.validation('Fichier vide.', [{ field: 'file', reason: 'Aucune ligne de consommation.' }]);
      refuseOtherOrganizationsLines(actorOf(request), loaded, entries, fileName);
      return recordConsumptionUseCase({
        database: ctx.database,
        groupementId: request.params.id,
        entries,
        source: 'import',
        fileName,
        audit: auditOf(request),
      });
    },
  );
};
