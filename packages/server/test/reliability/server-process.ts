import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../../..');
const CLI = join(ROOT, 'packages/cli/bin/mutualis.mjs');
/** tsx compiles the whole server on start; on a loaded 2-core machine that can take a while. */
const START_DEADLINE_MS = 60_000;

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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node packages/cli/bin/mutualis.mjs serve --no-demo [...args]` on `databaseUrl` (migrated
 * by the command) and resolves once it listens. The child runs in its own process group so that a
 * kill reaches it whatever it spawned (the workers of `--workers N`).
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--no-demo', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await waitForListening(child, exited);
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, name);
    await exited;
  };
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, kill: signal('SIGKILL'), stop: signal('SIGTERM') };
}

async function waitForListening(child: ChildProcess, exited: Promise<void>): Promise<void> {
  let output = '';
  const listening = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('écoute sur')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    listening.then(() => 'listening' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), START_DEADLINE_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'listening') return;
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  throw new Error(`mutualis serve did not start (${outcome}): ${output}`);
}
