import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../app/server-context';
import { authenticate } from '../auth/authenticate';
import { PUBLIC } from './access';
import { authorize } from './policy';

/** One registered route and its declared access (`public`, `authenticated` or a policy action). */
export interface RouteAccess {
  method: string;
  url: string;
  access: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with its access policy (tests walk it; nothing may be missing). */
    routeAccess: readonly RouteAccess[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one access-control layer:
 * - every route must declare `config.access` (API routes without one fail at start-up; the docs
 *   UI and the static web app are public);
 * - onRequest: CSRF header on non-GET requests, then the session (401 before any validation);
 * - preHandler: the route's policy on the resolved scope (404 outside the caller's territories, 403 inside),
 *   or the administrator flag for `admin` routes (403 otherwise);
 * - onSend of every non-GET request: the session cache is cleared (a logout, a role or user change).
 */
export function installAccessControl(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('scope', null);

  const routes: RouteAccess[] = [];
  app.decorate('routeAccess', routes);
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    if (!route.config?.access) {
      const isApi = route.url.startsWith('/api');
      if (isApi && !route.url.startsWith('/api/docs')) throw new Error(`${methods.join(',')} ${route.url} declares no access policy`);
      route.config = { ...route.config, access: PUBLIC };
    }
    const access = route.config.access ?? PUBLIC;
    for (const method of methods) routes.push({ method, url: route.url, access: access.kind === 'policy' ? access.action : access.kind });
  });

  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method) && request.headers[CLIENT_HEADER] !== CLIENT_HEADER_VALUE) {
      throw new DomainError('forbidden', `En-tête ${CLIENT_HEADER}: ${CLIENT_HEADER_VALUE} manquant (protection CSRF).`);
    }
    const access = accessOf(request);
    if (!access || access.kind === 'public') return;
    request.actor = await authenticate(request, ctx);
    if (!request.actor) throw new DomainError('unauthenticated', 'Connectez-vous pour continuer.');
  });

  // Callback style: an async hook costs a promise per request, and most requests are reads.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method)) ctx.sessionCache.clear();
    done(null, payload);
  });
  app.addHook('preHandler', async (request) => {
    const access = accessOf(request);
    if (access?.kind === 'admin' && !request.actor?.isAdmin) {
      throw new DomainError('forbidden', 'Réservé aux administrateurs de l’instance.');
    }
    if (access?.kind !== 'policy') return;
    const actor = request.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Connectez-vous pour continuer.');
    const scope = await access.scope(request, ctx, actor);
    if (!scope) throw new DomainError('not_found', 'Ressource introuvable.');
    const decision = authorize(actor, access.action, scope);
    if (decision === 'not_found') throw new DomainError('not_found', 'Ressource introuvable.');
    if (decision === 'forbidden') throw new DomainError('forbidden', 'Votre rôle ne permet pas cette action.');
    request.scope = scope;
  });
}

function accessOf(request: FastifyRequest) {
  // Unmatched URLs (404 handler) carry no route config.
  return request.routeOptions.config?.access;
}

/** The scope the preHandler allowed; routes with a policy can rely on it. */
export function allowedScope(request: FastifyRequest) {
  if (!request.scope) throw new DomainError('internal', 'Portée d’autorisation absente.');
  return request.scope;
}

/** The one territory of a list or creation scope (resolved from `?territory=` or the body). */
export function allowedTerritoryId(request: FastifyRequest): string {
  const [territoryId] = allowedScope(request).territoryIds;
  if (territoryId === undefined) throw new DomainError('internal', 'Territoire d’autorisation absent.');
  return territoryId;
}

/** The caller of a route that is not public. */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new DomainError('unauthenticated', 'Connectez-vous pour continuer.');
  return request.actor;
}
