import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, createRepositories, dataVersionReaderOf, migrateToLatest, migrations, withTransaction } from '../src/index';
import { sqliteHandleOf } from '../src/dialect/create-database';
import { buildNeed, buildOrganization, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

describe('createDatabase with SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing parent directories and sets WAL, NORMAL sync, foreign keys, a busy timeout, 16 KiB pages and a 32 MiB cache', async () => {
    const path = join(dir, 'nested', 'deeper', 'mutualis.db');
    const m = await createDatabase(`sqlite:${path}`);
    try {
      expect(m.dialect).toBe('sqlite');
      expect(existsSync(path)).toBe(true);
      const pragma = async (name: string) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(m.db)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('synchronous')).toEqual({ synchronous: 1 });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
      expect(await pragma('page_size')).toEqual({ page_size: 16_384 });
      // 32 MiB, in SQLite's convention for a size in KiB.
      expect(await pragma('cache_size')).toEqual({ cache_size: -32_768 });
    } finally {
      await m.close();
    }
  });

  it("keeps the page size of an existing file (4 KiB, SQLite's default, before 16 KiB pages)", async () => {
    const path = join(dir, 'old-pages.db');
    const old = new Sqlite(path);
    old.exec('CREATE TABLE kept (id INTEGER PRIMARY KEY)');
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    old.close();
    const m = await createDatabase(`sqlite:${path}`);
    try {
      expect((await sql.raw<Record<string, unknown>>('pragma page_size').execute(m.db)).rows[0]).toEqual({ page_size: 4096 });
      await migrateToLatest(m);
      expect((await sql<{ n: number }>`select count(*) as n from kept`.execute(m.db)).rows[0]?.n).toBe(0);
    } finally {
      await m.close();
    }
  });

  it('moves data_version only when another connection commits', async () => {
    const url = `sqlite:${join(dir, 'data-version.db')}`;
    const a = await createDatabase(url);
    await migrateToLatest(a);
    const b = await createDatabase(url);
    try {
      const readA = dataVersionReaderOf(a);
      const readB = dataVersionReaderOf(b);
      if (!readA || !readB) throw new Error('SQLite has a data_version');
      const [a0, b0] = [readA(), readB()];
      await createRepositories(a).organizations.insert(buildOrganization());
      // A's own commit leaves A's value alone and moves B's.
      expect(readA()).toBe(a0);
      const b1 = readB();
      expect(b1).not.toBe(b0);
      expect(readB()).toBe(b1);
      await createRepositories(b).organizations.insert(buildOrganization());
      expect(readB()).toBe(b1);
      expect(readA()).not.toBe(a0);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('takes the write lock when a transaction begins, so another writer cannot invalidate it midway', async () => {
    const url = `sqlite:${join(dir, 'immediate.db')}`;
    const a = await createDatabase(url);
    await migrateToLatest(a);
    const b = await createDatabase(url);
    try {
      const other = sqliteHandleOf(b);
      if (!other) throw new Error('SQLite handle expected');
      other.pragma('busy_timeout = 0');
      const insertOther = () =>
        other
          .prepare(
            "insert into territories (id, slug, name, pooling_scope_json, created_at) values ('t-b', 'autre', 'Autre', '{}', '2026-01-01T00:00:00Z')",
          )
          .run();
      const created = await withTransaction(a, async (repos) => {
        await repos.organizations.list();
        // With a deferred begin, B's commit would succeed here and A's insert below would then fail
        // with SQLITE_BUSY (stale snapshot). With `begin immediate` A already holds the lock: B waits (here: refused at once).
        expect(insertOther).toThrow(/locked|busy/i);
        return repos.organizations.insert(buildOrganization());
      });
      expect(await createRepositories(b).organizations.getById(created.id)).toEqual(created);
      expect(() => insertOther()).not.toThrow();
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('opens an in-memory database that migrates', async () => {
    const m = await createDatabase('sqlite::memory:');
    try {
      await migrateToLatest(m);
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'needs'`.execute(m.db);
      expect(tables.rows).toEqual([{ name: 'needs' }]);
    } finally {
      await m.close();
    }
  });

  it('rejects an unknown URL scheme as invalid configuration naming databaseUrl', async () => {
    const error = await domainErrorOf(() => createDatabase('mysql://localhost/mutualis'));
    expect(error.code).toBe('invalid_config');
    expect(error.details?.issues?.[0]?.field).toBe('databaseUrl');
  });
});

forEachDialect('migrations and numeric types', (t) => {
  it('migrates an up-to-date database again without error', async () => {
    await migrateToLatest(t.m);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.m.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    expect(applied.rows[0]?.name).toBe('202611280700_foundation');
  });

  it('returns counts and bigint sums as exact JS numbers', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.needs.insertMany([
      buildNeed({ organizationId: org.id, annualAmountCents: 4_503_599_627_370_496 }),
      buildNeed({ organizationId: org.id, annualAmountCents: 1 }),
    ]);
    const row = await t.m.db
      .selectFrom('needs')
      .where('organization_id', '=', org.id)
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('annual_amount_cents').as('sum')])
      .executeTakeFirstOrThrow();
    // 2^52 + 1 is exact in a double; a float column or string parsing would lose or mistype it.
    expect(row).toEqual({ count: 2, sum: 4_503_599_627_370_497 });
  });
});
