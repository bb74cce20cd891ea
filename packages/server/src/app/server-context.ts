import type { MutualisDb, Repositories } from '@mutualis/db';
export type { Repositories };
import type { LoginRateLimiter } from '../auth/login-rate-limiter';
import type { SessionCache } from '../auth/session-cache';
import type { ServerConfig } from '../config/load-config';

/** What every route needs: storage, configuration, the clock, the login limiter and the session cache. */
export interface ServerContext {
  database: MutualisDb;
  repos: Repositories;
  config: ServerConfig;
  now: () => Date;
  loginLimiter: LoginRateLimiter;
  sessionCache: SessionCache;
  version: string;
}
