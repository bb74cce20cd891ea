import { dataVersionReaderOf } from '@mutualis/db';
import type { FastifyInstance } from 'fastify';
import { analysisCacheOf } from '../analysis/analysis-cache';
import type { ServerContext } from '../app/server-context';
import { responseCacheOf } from './response-cache';
import { territorySlugsOf } from './territory-slugs';

/**
 * Keeps the in-process caches exact when other processes write to the same SQLite file (other
 * `serve --workers` workers, a second server, a CLI import): before anything else reads a cache,
 * each request compares SQLite's `data_version`, which moves only when another connection
 * committed, with the value this process last saw; when it moved, the cached sessions, analyses
 * and list pages are all dropped. A write committed by any process before a request arrives is
 * therefore seen by that request. This process's own writes do not move it: they are handled by
 * the per-write invalidation (`installAnalysisInvalidation`, the session cache's clear on writes).
 * With every writer reported, the caches' age limits are dropped. PostgreSQL has no such counter:
 * `mutualis serve` refuses several workers there, and writes made outside the server show within
 * the caches' maximum age.
 */
export function installCrossProcessInvalidation(app: FastifyInstance, ctx: ServerContext): void {
  const readDataVersion = dataVersionReaderOf(ctx.database);
  if (!readDataVersion) return;
  const analyses = analysisCacheOf(ctx.database);
  const pages = responseCacheOf(ctx.database);
  // Every writer is now reported: the age limits, kept for writes nobody reports, would only make
  // readers wait for recomputations (a 10,000-need analysis every minute, the list pages every 2 s).
  for (const cache of [analyses, pages, territorySlugsOf(ctx.database)]) cache.keepUntilInvalidated();
  ctx.sessionCache.keepUntilCleared();
  let seen = readDataVersion();
  app.addHook('onRequest', (_request, _reply, done) => {
    const current = readDataVersion();
    if (current !== seen) {
      seen = current;
      ctx.sessionCache.clear();
      analyses.invalidateAll();
      pages.invalidateAll();
    }
    done();
  });
}
