import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../app/server-context';
import { analysisCacheOf } from './analysis-cache';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Non-GET routes that store nothing (what-if simulations, login and logout). */
const READ_ONLY_ROUTES = new Set(['/api/territories/:slug/opportunities/:id/scenario', '/api/auth/login', '/api/auth/logout']);

/**
 * Invalidates cached analyses on every successful write, before the answer leaves (so the next
 * request sees fresh data): the territories of the write's authorised scope (needs, contracts,
 * organizations, families and overrides all resolve one), or every territory when the write has
 * no territory scope (an import).
 */
export function installAnalysisInvalidation(app: FastifyInstance, ctx: ServerContext): void {
  const cache = analysisCacheOf(ctx.database);
  // Callback style: an async hook costs a promise per request, and most requests are reads.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400 && !READ_ONLY_ROUTES.has(request.routeOptions.url ?? '')) {
      const territoryIds = request.scope?.territoryIds ?? [];
      if (territoryIds.length === 0) cache.invalidateAll();
      for (const id of territoryIds) cache.invalidate(id);
    }
    done(null, payload);
  });
}
