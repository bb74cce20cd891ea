import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { DomainError } from '@mutualis/core';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app when `distDir/index.html` exists: static files, and index.html for
 * any other non-API GET (client-side routing). Everything else unmatched is the JSON 404.
 */
export async function registerWeb(app: FastifyInstance, distDir: string | null): Promise<void> {
  const served = distDir !== null && existsSync(join(distDir, 'index.html'));
  if (served) await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api');
    if (!served || !isPage) throw new DomainError('not_found', 'Ressource introuvable.');
    return reply.type('text/html').sendFile('index.html');
  });
}
