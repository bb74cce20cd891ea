import type { MutualisDb } from '@mutualis/db';
import type { FastifyReply } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AnalysisCache } from '../analysis/analysis-cache';
import { territoryVersionsOf } from './territory-versions';

/**
 * Serialised list pages are kept this long at most. Writes through the API make them stale at
 * once (territory versions); this bound is for writes the server cannot see (a CLI import into the
 * same PostgreSQL database), which a list then shows within two seconds. On SQLite every other
 * writer is reported (`installCrossProcessInvalidation`) and the bound is dropped.
 */
const PAGE_MAX_AGE_MS = 2_000;
/** About 20 KB a page: at most ~20 MB. */
const PAGE_MAX_ENTRIES = 1_000;

const caches = new WeakMap<MutualisDb, AnalysisCache<Buffer>>();

/** The cache of serialised JSON answers of a database handle, versioned per territory like the analyses. */
export function responseCacheOf(database: MutualisDb): AnalysisCache<Buffer> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new AnalysisCache<Buffer>({
      versions: territoryVersionsOf(database),
      maxAgeMs: PAGE_MAX_AGE_MS,
      maxEntries: PAGE_MAX_ENTRIES,
    });
    caches.set(database, cache);
  }
  return cache;
}

/**
 * The JSON the route's own serializer produces for `schema` (the same zod encoding, which drops
 * every key the schema does not declare), as UTF-8 bytes: an answer is cached in the form it is
 * sent, so a cached page is not encoded again for every request (~25 KB a page).
 */
export function jsonSerializerOf<T extends z.ZodType>(schema: T, url: string): (value: z.output<T>) => Buffer {
  const serialize = serializerCompiler({ schema, method: 'GET', url, httpStatus: '200' });
  return (value) => Buffer.from(serialize(value), 'utf8');
}

/** Sends serialised JSON as it is: fastify serialises nothing when the payload is a Buffer. */
export function sendJson(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
