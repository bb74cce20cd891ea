import type { MutualisDb, Repositories } from '@mutualis/db';
export type { Repositories };
import type { LoginRateLimiter } from '../auth/login-rate-limiter';
import type { ServerConfig } from '../config/load-config';

/** What every route needs: storage, configuration, the clock and the login limiter. */
export interface ServerContext {
  database: MutualisDb;
  repos: Repositories;
  config: ServerConfig;
  now: () => Date;
  loginLimiter: LoginRateLimiter;
  version: string;
}
