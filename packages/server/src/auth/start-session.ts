import { SESSION_COOKIE } from '@mutualis/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../app/server-context';
import { createSessionToken, hashSessionToken } from './session-token';

/** Opens a session for the user and sets its cookie (login, a password just chosen from a link). */
export async function startSession(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  const token = createSessionToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await ctx.repos.sessions.deleteExpired(now.toISOString());
  await ctx.repos.sessions.insert({
    id: hashSessionToken(token, ctx.config.sessionSecret),
    userId,
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
}

/** Whether the session cookie carries the Secure flag (COOKIE_SECURE, or the request's protocol). */
export function isSecure(request: FastifyRequest, ctx: ServerContext): boolean {
  if (ctx.config.cookieSecure === 'always') return true;
  if (ctx.config.cookieSecure === 'never') return false;
  return request.protocol === 'https';
}

/** The answer of login and of `GET /auth/me`: the user and its roles with their names. */
export async function describeUser(ctx: ServerContext, user: { id: string; email: string; name: string; isAdmin: boolean }) {
  const roles = await ctx.repos.users.listRoles(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin },
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
