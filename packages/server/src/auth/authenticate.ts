import { SESSION_COOKIE } from '@mutualis/contract';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../app/server-context';
import type { Actor } from '../authz/actor';
import { hashSessionToken } from './session-token';

/** The caller of `request` from its session cookie, or null (no cookie, unknown or expired session). */
export async function authenticate(request: FastifyRequest, ctx: ServerContext): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const sessionId = hashSessionToken(token, ctx.config.sessionSecret);
  const nowIso = ctx.now().toISOString();
  const cached = ctx.sessionCache.get(sessionId, nowIso);
  if (cached) return cached;
  const epoch = ctx.sessionCache.epoch;
  const session = await ctx.repos.sessions.getValid(sessionId, nowIso);
  if (!session) return null;
  const user = await ctx.repos.users.getById(session.userId);
  if (!user) return null;
  const roles = await ctx.repos.users.listRoles(user.id);
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionId,
    isAdmin: user.isAdmin,
    grants: roles.map((r) => ({ role: r.role, territoryId: r.territoryId, organizationId: r.organizationId })),
  };
  ctx.sessionCache.set(sessionId, epoch, actor, session.expiresAt);
  return actor;
}
