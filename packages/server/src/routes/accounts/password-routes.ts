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
import type { ZodType } from 'zod';
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
  /** Options of a route anyone may call (the link's token, or the e-mail, is in the body). */
  const publicPost = <Body extends ZodType, Response extends Record<number, ZodType>>(summary: string, body: Body, response: Response) => ({
    config: { access: PUBLIC },
    schema: { tags, summary, body, response },
  });

  app.post(
    '/auth/links/inspect',
    publicPost('Ce qu’ouvre un lien à usage unique (sans l’utiliser)', linkTokenBodySchema, { 200: linkInfoSchema }),
    async (request) => describeLink(ctx, request.body.token),
  );

  app.post(
    '/auth/password',
    publicPost('Choisit le mot de passe depuis un lien d’invitation ou de réinitialisation, et ouvre la session', setPasswordSchema, {
      200: meResponseSchema,
    }),
    async (request, reply) => {
      const user = await setPasswordFromLink(ctx, request.body.token, request.body.password);
      await startSession(ctx, request, reply, user.id);
      return describeUser(ctx, user);
    },
  );

  app.post(
    '/auth/password-reset',
    publicPost('Mot de passe oublié : envoie un lien par e-mail (même réponse que le compte existe ou non)', passwordResetRequestSchema, {
      200: passwordResetAnswerSchema,
    }),
    async (request) => requestPasswordReset(ctx, request.body.email, baseUrlOf(ctx, request)),
  );

  app.post(
    '/setup/administrator',
    publicPost('Crée le premier administrateur depuis le lien affiché au démarrage, et ouvre sa session', setupAdministratorSchema, {
      201: meResponseSchema,
    }),
    async (request, reply) => {
      const user = await createFirstAdministrator(ctx, request.body);
      await startSession(ctx, request, reply, user.id);
      return reply.code(201).send(await describeUser(ctx, user));
    },
  );
};
