import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers. The CSP fits the built React app: scripts and XHR from our origin only,
 * inline styles allowed (Mantine injects style tags), images as data:/blob: (Leaflet markers, charts).
 */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // Cross-origin isolation headers would block nothing we use but break opening the docs in a frame-less popup; keep defaults otherwise.
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * The headers helmet sets with these options. They depend on nothing in the request (no nonce, no
 * function directive), so they are computed once: @fastify/helmet rebuilt the middleware, parsed
 * the directives and set each header on every request (a few % of a cached read's CPU).
 */
export function securityHeadersOf(options: Parameters<typeof helmet>[0]): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    // X-Powered-By: Node never sets it, Fastify neither.
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

/**
 * Every answer of the API, downloads included, is `no-store`: figures and files a user may read
 * must not stay in a browser's or a proxy's cache for the next user of the machine. Only the
 * static files of the web app (no data) may be cached.
 */
const API_HEADERS = { 'cache-control': 'no-store' } as const;

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
  const headers = securityHeadersOf(HELMET_OPTIONS);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (request.url.startsWith('/api')) reply.headers(API_HEADERS);
    done();
  });
}
