import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest, migrations } from '../src/index';
import { buildNeed, buildOrganization, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

describe('createDatabase with SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing parent directories and sets WAL, NORMAL sync, foreign keys and a busy timeout', async () => {
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
    } finally {
      await m.close();
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
