/**
 * Test harness for anything that needs a real database (db repositories, server routes, cli).
 *
 *   import { forEachDialect, buildOrganization } from '../../db/test/dialects';
 *   forEachDialect('organizations repository', (t) => {
 *     it('finds an organization by SIRET', async () => {
 *       const org = await t.repos.organizations.insert(buildOrganization());
 *       expect(await t.repos.organizations.getBySiret(org.siret)).toEqual(org);
 *     });
 *   });
 *
 * `forEachDialect` declares one `describe` per dialect of MUTUALIS_TEST_DIALECTS (default
 * `sqlite,postgres`). Each describe gets its own fresh, migrated database, shared by its tests
 * (builders hand out unique natural keys, and tests scope their data by a fresh territory):
 * SQLite in a temporary file; PostgreSQL as `CREATE DATABASE t_<random>` on the server at
 * MUTUALIS_TEST_PG_URL (started by scripts/test-global-setup.ts), dropped afterwards.
 * `openTestDatabase(dialect)` gives one such database outside a describe (per-test isolation).
 * The builders (`buildOrganization`, `buildNeed`, …) produce valid data and are re-exported here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase, createRepositories, type DialectName, type MutualisDb, migrateToLatest, type Repositories } from '../src/index';

export * from './builders';

const ALL_DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** Dialects to test, from MUTUALIS_TEST_DIALECTS (comma-separated); unknown names fail loudly. */
export function testDialects(): DialectName[] {
  const names = (process.env.MUTUALIS_TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  return names.filter((name) => name !== '').map(toDialect);
}

function toDialect(name: string): DialectName {
  const dialect = ALL_DIALECTS.find((d) => d === name);
  if (dialect === undefined) throw new Error(`MUTUALIS_TEST_DIALECTS: unknown dialect "${name}" (use sqlite, postgres)`);
  return dialect;
}

/** A fresh migrated database: its URL (for child processes), handle, repositories, and disposal. */
export interface TestDatabase {
  dialect: DialectName;
  url: string;
  m: MutualisDb;
  repos: Repositories;
  /** Closes the handle and deletes the database (file or PostgreSQL database). */
  dispose(): Promise<void>;
}

/** Creates an empty database of `dialect`, migrated to the latest version. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const place = dialect === 'sqlite' ? createSqliteFile() : await createPostgresDatabase();
  const opened = await createDatabase(place.url);
  // Closing twice is harmless, so a test may close `m` early (e.g. before reopening the file).
  let closing: Promise<void> | undefined;
  const m: MutualisDb = { ...opened, close: () => (closing ??= opened.close()) };
  try {
    await migrateToLatest(m);
  } catch (error) {
    await m.close();
    await place.remove();
    throw error;
  }
  return {
    dialect,
    url: place.url,
    m,
    repos: createRepositories(m),
    dispose: async () => {
      await m.close();
      await place.remove();
    },
  };
}

/** What a describe of `forEachDialect` sees; reading a field before `beforeAll` ran throws. */
export interface DialectTestContext {
  readonly dialect: DialectName;
  readonly url: string;
  readonly m: MutualisDb;
  readonly repos: Repositories;
}

/** Declares `describe(`${name} [${dialect}]`)` per tested dialect, each with a fresh database. */
export function forEachDialect(name: string, body: (t: DialectTestContext) => void): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      const ready = (): TestDatabase => {
        if (current === undefined) throw new Error('test database used outside a test (before beforeAll)');
        return current;
      };
      beforeAll(async () => {
        current = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      body({
        dialect,
        get url() {
          return ready().url;
        },
        get m() {
          return ready().m;
        },
        get repos() {
          return ready().repos;
        },
      });
    });
  }
}

interface DatabasePlace {
  url: string;
  remove(): Promise<void>;
}

function createSqliteFile(): DatabasePlace {
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-test-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function createPostgresDatabase(): Promise<DatabasePlace> {
  const serverUrl = process.env.MUTUALIS_TEST_PG_URL;
  if (serverUrl === undefined || serverUrl === '') {
    throw new Error(
      'MUTUALIS_TEST_PG_URL is not set: run through vitest (global setup starts PostgreSQL) or set MUTUALIS_TEST_DIALECTS=sqlite',
    );
  }
  const name = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await runAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), remove: () => runAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
