import { createRepositories, type MutualisDb } from '@mutualis/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import packageJson from '../../package.json' with { type: 'json' };
import type { LoginLimiter } from '../auth/cluster-login-limiter';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { SessionCache } from '../auth/session-cache';
import { installAccessControl } from '../authz/install-access-control';
import { installCrossProcessInvalidation } from '../cache/cross-process-invalidation';
import { territoryVersionsOf } from '../cache/territory-versions';
import type { ServerConfig } from '../config/load-config';
import { createSmtpMailer, type Mailer } from '../mail';
import { installErrorHandling } from '../errors/error-handler';
import { ImportJobs, type ImportJobsOptions } from '../import/import-jobs';
import { registerApiRoutes } from '../routes/register-api-routes';
import { registerDocs } from './register-docs';
import { registerSecurity } from './register-security';
import { registerWeb } from './register-web';
import type { ServerContext } from './server-context';

export interface BuildAppOptions {
  database: MutualisDb;
  config: ServerConfig;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: boolean;
  /** Failed-login counter; the workers of `serve --workers N` share the primary's. One per app by default. */
  loginLimiter?: LoginLimiter;
  /** Runs a DECP import job in a process of its own (see `ImportJobsOptions.runElsewhere`); in this process without it. */
  runImportJob?: ImportJobsOptions['runElsewhere'];
  /** Outgoing e-mail; by default an SMTP mailer when SMTP_URL is set, none otherwise. */
  mailer?: Mailer | null;
}

/** The Mutualis HTTP server: API under /api, OpenAPI docs, and the built web app when present. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const now = options.now ?? (() => new Date());
  const ctx: ServerContext = {
    database,
    repos: createRepositories(database),
    config,
    now,
    loginLimiter: options.loginLimiter ?? new LoginRateLimiter(() => now().getTime()),
    sessionCache: new SessionCache(),
    // Imports run in this process between requests; each committed step drops the territories' caches.
    imports: new ImportJobs({
      m: database,
      importDir: config.importDir,
      now,
      onWrite: () => territoryVersionsOf(database).invalidateAll(),
      ...(options.runImportJob === undefined ? {} : { runElsewhere: options.runImportJob }),
    }),
    mailer: options.mailer !== undefined ? options.mailer : config.mail ? createSmtpMailer(config.mail) : null,
    version: packageJson.version,
  };
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    exposeHeadRoutes: false,
    logger: options.logger === false ? false : { level: config.logLevel },
  });
  // A connection PostgreSQL ended outside a query (restart, failover): the pool has dropped it and
  // reconnects on the next query; requests meanwhile answer 503 (errors/to-domain-error.ts).
  const stopWatching = database.onConnectionError((error) => app.log.warn({ err: error }, 'database connection lost'));
  app.addHook('onClose', async () => stopWatching());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Cookies are parsed by an onRequest hook that must run before the access-control one.
  await registerSecurity(app);
  // Before the session is read: writes committed by other processes drop the caches first.
  installCrossProcessInvalidation(app, ctx);
  installAccessControl(app, ctx);
  await registerDocs(app, ctx.version);
  await app.register(registerApiRoutes, { prefix: '/api', ctx });
  await registerWeb(app, config.webDistDir);
  app.addHook('onClose', () => ctx.imports.close());
  await ctx.imports.recover();
  return app;
}
