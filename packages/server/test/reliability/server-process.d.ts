/** A real `mutualis serve` child process on a loopback port. */
export interface ServerProcess {
  baseUrl: string;
  /** The server's process id (to read its CPU time). */
  pid: number;
  /** SIGKILL (no cleanup at all), resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful close), resolved once the process is gone. */
  stop(): Promise<void>;
}
export declare function freePort(): Promise<number>;
/**
 * Starts `node packages/cli/bin/mutualis.mjs serve --no-demo [...args]` on `databaseUrl` (migrated
 * by the command) and resolves once it listens. The child runs in its own process group so that a
 * kill reaches it whatever it spawned (the workers of `--workers N`).
 */
export declare function startServer(databaseUrl: string, env?: Record<string, string>, args?: readonly string[]): Promise<ServerProcess>;
