import { DomainError } from '@mutualis/core/errors';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, createRepositories, unavailableKindOf } from '../src/index';
import { buildOrganization, openTestDatabase, testDialects } from './dialects';

/** Counts turns of the event loop until stopped: a synchronous wait inside a query would leave it near zero. */
function countEventLoopTurns(): { stop: () => number } {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

describe('classifying why a database cannot serve', () => {
  it.each([
    [{ code: 'SQLITE_BUSY', message: 'database is locked' }, 'busy'],
    [{ code: 'SQLITE_BUSY_SNAPSHOT', message: 'database is locked' }, 'busy'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'unreachable'],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'unreachable'],
    [{ code: '57P03', message: 'the database system is starting up' }, 'unreachable'],
    [{ code: '08006', message: 'connection failure' }, 'unreachable'],
    [new Error('Connection terminated unexpectedly'), 'unreachable'],
    [new Error('Client has encountered a connection error and is not queryable'), 'unreachable'],
    [new AggregateError([{ code: 'ECONNREFUSED' }], 'connect failed'), 'unreachable'],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, null],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed' }, null],
    [new Error('boom'), null],
  ])('%o is %s', (error, kind) => {
    expect(unavailableKindOf(error)).toBe(kind);
  });
});

if (testDialects().includes('sqlite')) {
  describe('SQLite write lock held by another process', () => {
    it('waits without blocking the event loop, fails with unavailable past the bound, then writes once the lock is free', async () => {
      const t = await openTestDatabase('sqlite');
      const path = t.url.slice('sqlite:'.length);
      // The server's settings, with a short total wait so the test stays quick.
      const m = await createDatabase(t.url, { busyTimeoutMs: 0, busyWaitMs: 300 });
      const other = new Sqlite(path);
      try {
        const repos = createRepositories(m);
        other.exec('BEGIN IMMEDIATE');
        const loop = countEventLoopTurns();
        const refused = await repos.organizations.insert(buildOrganization()).catch((error: unknown) => error);
        const turns = loop.stop();
        expect(refused).toBeInstanceOf(DomainError);
        expect(refused).toMatchObject({ code: 'unavailable', details: { reason: 'busy', retryAfterSeconds: 5 } });
        expect((refused as DomainError).message).toMatch(/^Base de données occupée/);
        // Pauses of 5, 10, 20, 40, 80, 100 ms within 300 ms: six waits, each a turn or more of the loop.
        expect(turns).toBeGreaterThanOrEqual(6);
        // Readers are not blocked by a writer (WAL).
        expect(await repos.territories.list()).toEqual([]);
        other.exec('COMMIT');
        const stored = await repos.organizations.insert(buildOrganization({ name: 'Après le verrou' }));
        expect((await repos.organizations.getById(stored.id))?.name).toBe('Après le verrou');
      } finally {
        other.close();
        await m.close();
        await t.dispose();
      }
    });

    it('goes on waiting while the lock is released within the bound', async () => {
      const t = await openTestDatabase('sqlite');
      const m = await createDatabase(t.url, { busyTimeoutMs: 0, busyWaitMs: 30_000 });
      const other = new Sqlite(t.url.slice('sqlite:'.length));
      try {
        other.exec('BEGIN IMMEDIATE');
        const pending = createRepositories(m).organizations.insert(buildOrganization({ name: 'Patient' }));
        // Release on a later turn of the loop: the insert has been refused at least once by then.
        await new Promise((resolve) => setTimeout(resolve, 50));
        other.exec('COMMIT');
        expect((await pending).name).toBe('Patient');
      } finally {
        other.close();
        await m.close();
        await t.dispose();
      }
    });
  });
}

if (testDialects().includes('postgres')) {
  describe('PostgreSQL connections terminated', () => {
    it('reports the error of an idle connection instead of crashing, and reconnects on the next query', async () => {
      const t = await openTestDatabase('postgres');
      const admin = new pg.Client({ connectionString: process.env.MUTUALIS_TEST_PG_URL });
      await admin.connect();
      try {
        // Two queries at once open two connections, idle afterwards.
        await Promise.all([t.repos.territories.list(), t.repos.organizations.getBySiret('00000000000000')]);
        const lost: Error[] = [];
        const reported = new Promise<void>((resolve) =>
          t.m.onConnectionError((error) => {
            lost.push(error);
            if (lost.length === 2) resolve();
          }),
        );
        const database = new URL(t.url).pathname.slice(1);
        const terminated = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
        expect(terminated.rowCount).toBe(2);
        // Without a listener on the pool and its clients, these errors would have killed this process.
        await reported;
        expect(lost.map((e) => (e as { code?: string }).code)).toEqual(['57P01', '57P01']);
        expect(await t.repos.territories.list()).toEqual([]);
      } finally {
        await admin.end();
        await t.dispose();
      }
    });

    it('closes every connection before close() resolves, so dropping the database terminates none', async () => {
      const t = await openTestDatabase('postgres');
      const admin = new pg.Client({ connectionString: process.env.MUTUALIS_TEST_PG_URL });
      await admin.connect();
      try {
        await Promise.all([t.repos.territories.list(), t.repos.territories.list(), t.repos.territories.list()]);
        const database = new URL(t.url).pathname.slice(1);
        await t.m.close();
        const left = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
        expect(left.rows).toEqual([{ n: 0 }]);
      } finally {
        await admin.end();
        await t.dispose();
      }
    });
  });
}
