import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '@mutualis/contract';
import { createDatabase, createRepositories, migrateToLatest } from '@mutualis/db';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CPV, testDialects } from '../../../db/test/dialects';
import { buildWorld, TEST_PASSWORD, type World } from '../world';
import { type HttpSession, logInOver } from './http-session';
import { freePort, type ServerProcess, startServer } from './server-process';

const PG_SCRIPT = join(import.meta.dirname, '../../../../scripts/pg-test.sh');
/** Attempts, 200 ms apart, for the server to see PostgreSQL back after it restarted. */
const RECOVERY_ATTEMPTS = 100;

/**
 * A PostgreSQL server of this test alone (scripts/pg-test.sh on a free port): the suites share
 * the global one, which this test must not stop under them.
 */
async function startOwnPostgres() {
  const port = await freePort();
  const env = { ...process.env, PGPORT: String(port), PGTMP: join(tmpdir(), `mutualis-pg-outage-${port}-${process.pid}`) };
  const run = (command: string) => execFileSync('bash', [PG_SCRIPT, command], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = run('start').trim();
  return { url, halt: () => run('halt'), resume: () => run('resume'), stop: () => run('stop') };
}

async function seed(url: string): Promise<World> {
  const m = await createDatabase(url);
  try {
    await migrateToLatest(m);
    return await buildWorld(createRepositories(m));
  } finally {
    await m.close();
  }
}

const needBody = (world: World, label: string) => ({
  organizationId: world.buyerA1.id,
  cpvCode: CPV.deIcingSalt,
  label,
  annualAmountCents: 120_000,
});

/** POST /api/needs with the raw answer (status, JSON body, headers). */
async function createNeed(server: ServerProcess, session: HttpSession, body: unknown) {
  const response = await fetch(`${server.baseUrl}/api/needs`, {
    method: 'POST',
    headers: { cookie: session.cookie, [CLIENT_HEADER]: CLIENT_HEADER_VALUE, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get('retry-after'),
  };
}

async function health(server: ServerProcess) {
  const response = await fetch(`${server.baseUrl}/api/health`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; database: { reachable: boolean; message?: string } },
  };
}

async function terminateBackends(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** Keeps creating needs until one is created; returns the statuses and codes of the refused ones. */
async function createUntilAccepted(server: ServerProcess, session: HttpSession, world: World, label: string) {
  const refused: { status: number; code: unknown }[] = [];
  for (let attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt += 1) {
    const answer = await createNeed(server, session, needBody(world, `${label} ${attempt}`));
    if (answer.status === 201) return refused;
    refused.push({ status: answer.status, code: answer.body.code });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no need created after ${RECOVERY_ATTEMPTS} attempts: ${JSON.stringify(refused.slice(-3))}`);
}

if (testDialects().includes('postgres')) {
  describe('the server when PostgreSQL goes away [postgres]', () => {
    it('survives terminated connections and a restart of PostgreSQL, answering 503 meanwhile, in the same process', async () => {
      const postgres = await startOwnPostgres();
      let server: ServerProcess | undefined;
      try {
        const world = await seed(postgres.url);
        server = await startServer(postgres.url);
        const session = await logInOver(server.baseUrl, world.emails.facilitator, TEST_PASSWORD);
        expect(await createNeed(server, session, needBody(world, 'Avant'))).toMatchObject({ status: 201 });

        // pg_terminate_backend on every connection of the server (a pooler's timeout, an operator).
        expect(await terminateBackends(postgres.url)).toBeGreaterThan(0);
        const afterTermination = await createUntilAccepted(server, session, world, 'Après coupure');
        // A request may meet a connection whose end the server has not read yet: 503, never 500.
        expect(afterTermination.every((r) => r.status === 503 && r.code === 'unavailable')).toBe(true);

        // A restart: stopped (fast shutdown, as a failover does), then started again.
        postgres.halt();
        const down = await createNeed(server, session, needBody(world, 'Pendant'));
        expect(down.status).toBe(503);
        expect(down.body).toMatchObject({ code: 'unavailable', details: { reason: 'unreachable' } });
        expect(down.body.message).toMatch(/^Base de données injoignable/);
        expect(down.retryAfter).toBe('5');
        const degraded = await health(server);
        expect(degraded.status).toBe(503);
        expect(degraded.body).toMatchObject({ status: 'degraded', database: { reachable: false } });
        expect(degraded.body.database.message).toMatch(/injoignable/);

        postgres.resume();
        const afterRestart = await createUntilAccepted(server, session, world, 'Après redémarrage');
        expect(afterRestart.every((r) => r.status === 503 && r.code === 'unavailable')).toBe(true);
        expect(await health(server)).toMatchObject({ status: 200, body: { status: 'ok', database: { reachable: true } } });
        // The very process started above answered all along: signal 0 finds it alive.
        expect(() => process.kill(server?.pid ?? 0, 0)).not.toThrow();
      } finally {
        await server?.stop();
        postgres.stop();
      }
    });
  });
}
