import { loginRequestSchema, meResponseSchema, okResponseSchema, SESSION_COOKIE } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decoyPasswordHash, verifyPassword } from '../../auth/password';
import { describeUser, isSecure, startSession } from '../../auth/start-session';
import { AUTHENTICATED, PUBLIC } from '../../authz/access';
import { actorOf } from '../../authz/install-access-control';
import type { RouteOptions } from '../register-api-routes';

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  app.post(
    '/auth/login',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Ouvre une session (cookie mutualis_session)',
        body: loginRequestSchema,
        response: { 200: meResponseSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const gate = await ctx.loginLimiter.check(email, request.ip);
      if (!gate.allowed) {
        throw new DomainError('rate_limited', 'Trop d’échecs de connexion ; réessayez dans quelques minutes.', {
          retryAfterSeconds: gate.retryAfterSeconds,
        });
      }
      const user = await ctx.repos.users.getByEmail(email);
      // Verify against a decoy hash for unknown accounts: same timing, no account enumeration.
      // An invited account has no password yet (''): it is compared against the decoy too, and never matches.
      const hasPassword = user !== undefined && user.passwordHash !== '';
      const passwordOk = await verifyPassword(hasPassword ? user.passwordHash : await decoyPasswordHash(), password);
      if (!user || !hasPassword || !passwordOk) {
        await ctx.loginLimiter.recordFailure(email, request.ip);
        throw new DomainError('unauthenticated', 'E-mail ou mot de passe incorrect.');
      }
      await ctx.loginLimiter.reset(email, request.ip);
      await startSession(ctx, request, reply, user.id);
      return describeUser(ctx, user);
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: AUTHENTICATED }, schema: { tags: ['auth'], summary: 'Ferme la session', response: { 200: okResponseSchema } } },
    async (request, reply) => {
      await ctx.repos.sessions.delete(actorOf(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: isSecure(request, ctx) });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: AUTHENTICATED },
      schema: { tags: ['auth'], summary: 'Utilisateur connecté et ses rôles', response: { 200: meResponseSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      return describeUser(ctx, { id: actor.userId, email: actor.email, name: actor.name, isAdmin: actor.isAdmin });
    },
  );
};
