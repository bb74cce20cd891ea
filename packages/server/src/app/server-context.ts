import type { MutualisDb, Repositories } from '@mutualis/db';
export type { Repositories };
import type { LoginLimiter } from '../auth/cluster-login-limiter';
import type { SessionCache } from '../auth/session-cache';
import type { ServerConfig } from '../config/load-config';
import type { ImportJobs } from '../import/import-jobs';

/** What every route needs: storage, configuration, the clock, the login limiter, the session cache and the import jobs. */
export interface ServerContext {
  database: MutualisDb;
  repos: Repositories;
  config: ServerConfig;
  now: () => Date;
  loginLimiter: LoginLimiter;
  sessionCache: SessionCache;
  imports: ImportJobs;
  version: string;
}
