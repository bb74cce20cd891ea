import type { MutualisDb, Repositories } from '@mutualis/db';
export type { Repositories };
import type { LoginLimiter } from '../auth/cluster-login-limiter';
import type { SessionCache } from '../auth/session-cache';
import type { ServerConfig } from '../config/load-config';

/** What every route needs: storage, configuration, the clock, the login limiter and the session cache. */
export interface ServerContext {
  database: MutualisDb;
  repos: Repositories;
  config: ServerConfig;
  now: () => Date;
  loginLimiter: LoginLimiter;
  sessionCache: SessionCache;
  version: string;
}
