// Global setup of the test run: starts a throwaway PostgreSQL from the machine's binaries
// (see scripts/pg-test.sh) when the dialect list includes it, and exposes its URL to the suites
// through MUTUALIS_TEST_PG_URL. MUTUALIS_TEST_DIALECTS=sqlite narrows the run to SQLite.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const script = join(import.meta.dirname, 'pg-test.sh');

export function setup(): void {
  const dialects = (process.env.MUTUALIS_TEST_DIALECTS ?? 'sqlite,postgres').split(',');
  if (!dialects.includes('postgres') || process.env.MUTUALIS_TEST_PG_URL) return;
  const url = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.env.MUTUALIS_TEST_PG_URL = url;
  process.env.MUTUALIS_TEST_PG_STARTED = '1';
}

export function teardown(): void {
  if (process.env.MUTUALIS_TEST_PG_STARTED !== '1') return;
  execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
}
