// Global setup of the test run: starts a throwaway PostgreSQL from the machine's binaries
// (see scripts/pg-test.sh) when the dialect list includes it, and exposes its URL to the suites
// through MUTUALIS_TEST_PG_URL. MUTUALIS_TEST_DIALECTS=sqlite narrows the run to SQLite.
// Each run takes a free loopback port and its own data directory, so parallel runs never clash.
// Every temporary file of the run (uploads, exports, databases, browser profiles) goes to one
// directory of its own (TMPDIR, inherited by the suites' processes), removed when the run ends.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(import.meta.dirname, 'pg-test.sh');

function freePort(): Promise<number> {
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

let pgEnv: NodeJS.ProcessEnv | undefined;
let runTmp: string | undefined;

export async function setup(): Promise<void> {
  runTmp = mkdtempSync(join(tmpdir(), 'mutualis-test-run-'));
  chmodSync(runTmp, 0o755); // PostgreSQL, run as its own user under root, keeps its data below
  process.env.TMPDIR = runTmp;
  const dialects = (process.env.MUTUALIS_TEST_DIALECTS ?? 'sqlite,postgres').split(',');
  if (!dialects.includes('postgres') || process.env.MUTUALIS_TEST_PG_URL) return;
  const port = await freePort();
  pgEnv = { ...process.env, PGPORT: String(port), PGTMP: join(tmpdir(), `mutualis-pg-${port}-${process.pid}`) };
  const url = execFileSync('bash', [script, 'start'], { encoding: 'utf8', env: pgEnv, stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.env.MUTUALIS_TEST_PG_URL = url;
}

export function teardown(): void {
  if (pgEnv) execFileSync('bash', [script, 'stop'], { env: pgEnv, stdio: 'inherit' });
  if (runTmp) rmSync(runTmp, { recursive: true, force: true });
}
