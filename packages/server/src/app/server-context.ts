import type { MutualisDb, Repositories } from '@mutualis/db';
export type { Repositories };
import type { LoginLimiter } from '../auth/cluster-login-limiter';
import type { SessionCache } from '../auth/session-cache';
import type { ServerConfig } from '../config/load-config';
import type { ImportJobs } from '../import/import-jobs';
import type { Mailer } from '../mail';

/** What every route needs: storage, configuration, the clock, the login limiter, the session cache, the import jobs and the mailer. */
export interface ServerContext {
  database: MutualisDb;
  repos: Repositories;
  config: ServerConfig;
  now: () => Date;
  loginLimiter: LoginLimiter;
  sessionCache: SessionCache;
  imports: ImportJobs;
  /** Outgoing e-mail; null when SMTP is not configured. */
  mailer: Mailer | null;
  version: string;
}
