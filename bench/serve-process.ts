// The benches' real server: `mutualis serve` in a child process of its own (the bench measures the
// product as it runs, and imports nothing of the server), and logged-in HTTP sessions of it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE, SESSION_COOKIE } from '@mutualis/contract';

const ROOT = join(import.meta.dirname, '..');
export const CLI = join(ROOT, 'packages/cli/bin/mutualis.mjs');
/** tsx compiles the whole server on start; on a loaded 2-core machine that can take a while. */
const START_DEADLINE_MS = 120_000;

export interface ServeProcess {
  baseUrl: string;
  pid: number;
  /** SIGTERM, resolved once the process is gone. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `mutualis serve --no-demo [...args]` on `databaseUrl` and resolves once it listens. */
export async function startServe(databaseUrl: string, args: readonly string[] = []): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--no-demo', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let output = '';
  const listening = new Promise<void>((resolve) => {
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('écoute sur')) resolve();
      });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), START_DEADLINE_MS).unref());
  if ((await Promise.race([listening, exited.then(() => 'exited' as const), deadline])) !== undefined) {
    await stop();
    throw new Error(`mutualis serve did not start: ${output}`);
  }
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop };
}

/** Logs in over HTTP; returns the `mutualis_session=…` cookie pair. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (response.status !== 200 || cookie === undefined) throw new Error(`login of ${email} failed: ${response.status}`);
  return cookie;
}
