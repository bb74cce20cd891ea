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
import type { output, ZodType } from 'zod';
import { type Access, policy } from '../../authz/access';
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

  /** A lifecycle step on groupement `:id`: `write` runs it, then the route answers the refreshed lifecycle view. */
  const step = <Body extends ZodType>(
    path: string,
    access: Access,
    summary: string,
    body: Body,
    write: (groupementId: string, body: output<Body>, audit: ReturnType<typeof auditOf>) => Promise<unknown>,
  ) =>
    app.post(path, { config: { access }, schema: { tags, summary, params, body } }, async (request) => {
      // The body passed `body` (the route validates it), which TypeScript cannot follow through the generic.
      await write(request.params.id, request.body as output<Body>, auditOf(request));
      return lifecycleViewFor(ctx, request, request.params.id);
    });

  step(
    '/groupements/:id/transitions',
    policy('lifecycle.run', groupementOfCoordinator),
    'Fait passer le groupement à l’étape suivante (refus motivé : 409 avec les raisons)',
    transitionBodySchema,
    (groupementId, body, audit) => transitionGroupement({ database: ctx.database, repos: ctx.repos, groupementId, request: body, audit }),
  );

  step(
    '/groupements/:id/signatures',
    policy('lifecycle.sign', groupementForBodyOrganization),
    'Enregistre la signature de la convention et/ou la délibération d’un membre',
    signatureBodySchema,
    (groupementId, input, audit) => recordSignatureUseCase({ database: ctx.database, groupementId, input, audit }),
  );

  step(
    '/groupements/:id/members',
    policy('lifecycle.admit', groupementOfAdmissionDecider),
    'Adhésion d’un membre, décidée par l’animateur (ou le coordonnateur si la convention le prévoit) ; refusée après le lancement, sauf groupement permanent : procédure suivante',
    admissionBodySchema,
    (groupementId, body, audit) => admitMemberUseCase({ database: ctx.database, groupementId, organizationId: body.organizationId, audit }),
  );

  step(
    '/groupements/:id/awards',
    policy('lifecycle.run', groupementOfCoordinator),
    'Enregistre l’attribution de lots (titulaire, prix, dates)',
    awardBodySchema,
    (groupementId, body, audit) => recordAwardsUseCase({ database: ctx.database, repos: ctx.repos, groupementId, lots: body.lots, audit }),
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
