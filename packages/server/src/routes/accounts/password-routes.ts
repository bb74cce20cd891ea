import {
  linkInfoSchema,
  linkTokenBodySchema,
  meResponseSchema,
  passwordResetAnswerSchema,
  passwordResetRequestSchema,
  setPasswordSchema,
  setupAdministratorSchema,
} from '@mutualis/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { baseUrlOf, createFirstAdministrator, describeLink, requestPasswordReset, setPasswordFromLink } from '../../accounts';
import { describeUser, startSession } from '../../auth/start-session';
import { PUBLIC } from '../../authz/access';
import type { RouteOptions } from '../register-api-routes';

/**
 * One-time links (no session needed): what a link is for, choosing a password from it (the
 * user is then signed in), asking for a reset link, and creating the first administrator.
 * Tokens travel in bodies, never in URLs, so that no access log keeps them.
 */
export const passwordRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['auth'];

  app.post(
    '/auth/links/inspect',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Ce qu’ouvre un lien à usage unique (sans l’utiliser)',
        body: linkTokenBodySchema,
        response: { 200: linkInfoSchema },
      },
    },
    async (request) => describeLink(ctx, request.body.token),
  );

  app.post(
    '/auth/password',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Choisit le mot de passe depuis un lien d’invitation ou de réinitialisation, et ouvre la session',
        body: setPasswordSchema,
        response: { 200: meResponseSchema },
      },
    },
    async (request, reply) => {
      const user = await setPasswordFromLink(ctx, request.body.token, request.body.password);
      await startSession(ctx, request, reply, user.id);
      return describeUser(ctx, user);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Mot de passe oublié : envoie un lien par e-mail (même réponse que le compte existe ou non)',
        body: passwordResetRequestSchema,
        response: { 200: passwordResetAnswerSchema },
      },
    },
    async (request) => requestPasswordReset(ctx, request.body.email, baseUrlOf(ctx, request)),
  );

  app.post(
    '/setup/administrator',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Crée le premier administrateur depuis le lien affiché au démarrage, et ouvre sa session',
        body: setupAdministratorSchema,
        response: { 201: meResponseSchema },
      },
    },
    async (request, reply) => {
      const user = await createFirstAdministrator(ctx, request.body);
      await startSession(ctx, request, reply, user.id);
      return reply.code(201).send(await describeUser(ctx, user));
    },
  );
};
