import { loginRequestSchema, meResponseSchema, okResponseSchema, SESSION_COOKIE } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerContext } from '../../app/server-context';
import { decoyPasswordHash, verifyPassword } from '../../auth/password';
import { createSessionToken, hashSessionToken } from '../../auth/session-token';
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
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !passwordOk) {
        await ctx.loginLimiter.recordFailure(email, request.ip);
        throw new DomainError('unauthenticated', 'E-mail ou mot de passe incorrect.');
      }
      await ctx.loginLimiter.reset(email, request.ip);
      const token = createSessionToken();
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
      await ctx.repos.sessions.deleteExpired(now.toISOString());
      await ctx.repos.sessions.insert({
        id: hashSessionToken(token, ctx.config.sessionSecret),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: isSecure(request, ctx),
        expires: expiresAt,
      });
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
      return describeUser(ctx, { id: actor.userId, email: actor.email, name: actor.name });
    },
  );
};

async function describeUser(ctx: ServerContext, user: { id: string; email: string; name: string }) {
  const roles = await ctx.repos.users.listRoles(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name },
    roles: roles.map((r) => ({
      role: r.role,
      territoryId: r.territoryId,
      territorySlug: r.territorySlug,
      territoryName: r.territoryName,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
    })),
  };
}

function isSecure(request: FastifyRequest, ctx: ServerContext): boolean {
  if (ctx.config.cookieSecure === 'always') return true;
  if (ctx.config.cookieSecure === 'never') return false;
  return request.protocol === 'https';
}
