import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createDatabase, deferIndexes, restoreDeferredIndexes, type SqliteHandle, sqliteHandleOf } from '../src/index';
import { withSqliteTestDatabase } from './dialects';

const NOW = '2026-11-28T12:00:00.000Z';

function handleOf(m: Parameters<typeof sqliteHandleOf>[0]): SqliteHandle {
  const database = sqliteHandleOf(m);
  if (database === null) throw new Error('SQLite expected');
  return database;
}

/** The CREATE INDEX statements of the database, by index name (automatic indexes have none). */
function indexDefinitions(database: SqliteHandle): Map<string, string> {
  const rows = database.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

// SQLite only: PostgreSQL imports never defer indexes.
describe('deferred indexes [sqlite]', () => {
  it('drops non-unique indexes with their definitions recorded, and rebuilds them identically', () =>
    withSqliteTestDatabase(async (database) => {
      const before = indexDefinitions(database);
      // A UNIQUE index is a constraint, not a mere access path: it stays (as do automatic ones, which have no SQL).
      database.exec('CREATE UNIQUE INDEX needs_test_unique_idx ON needs (id, cpv_code)');
      const dropped = deferIndexes(database, ['needs_list_order_idx', 'needs_test_unique_idx', 'no_such_idx'], NOW);
      expect(dropped).toEqual(['needs_list_order_idx']);
      expect(indexDefinitions(database).has('needs_list_order_idx')).toBe(false);
      expect(indexDefinitions(database).has('needs_test_unique_idx')).toBe(true);
      const waiting = database.prepare('SELECT name, definition, deferred_by FROM deferred_indexes').all();
      expect(waiting).toEqual([
        { name: 'needs_list_order_idx', definition: before.get('needs_list_order_idx'), deferred_by: `${hostname()}:${process.pid}` },
      ]);
      // Deferring again is a no-op: the index is already gone and recorded once.
      expect(deferIndexes(database, ['needs_list_order_idx'], NOW)).toEqual([]);

      expect(restoreDeferredIndexes(database)).toEqual(['needs_list_order_idx']);
      database.exec('DROP INDEX needs_test_unique_idx');
      expect(indexDefinitions(database)).toEqual(before);
      expect(database.prepare('SELECT count(*) AS n FROM deferred_indexes').get()).toEqual({ n: 0 });
      expect(restoreDeferredIndexes(database)).toEqual([]);
    }));

  it('defers a unique index only when asked, and rebuilds it unique; the rebuild fails if the rule was broken meanwhile', () =>
    withSqliteTestDatabase(async (database) => {
      const before = indexDefinitions(database);
      const key = 'running_contracts_decp_id_key';
      expect(deferIndexes(database, [key], NOW)).toEqual([]);
      expect(deferIndexes(database, [key], NOW, { isIncludingUnique: true })).toEqual([key]);
      expect(indexDefinitions(database).has(key)).toBe(false);
      expect(restoreDeferredIndexes(database)).toEqual([key]);
      expect(indexDefinitions(database)).toEqual(before);

      // Two rows with one decp_id while the index is away: CREATE UNIQUE INDEX refuses, and the index stays recorded.
      deferIndexes(database, [key], NOW, { isIncludingUnique: true });
      const organizationId = crypto.randomUUID();
      database
        .prepare(
          "INSERT INTO organizations (id, name, siret, siren, kind, insee_code, departement_code, region_code, created_at, updated_at) VALUES (?, 'Commune', '21000001400014', '210000014', 'commune', '', '', '', ?, ?)",
        )
        .run(organizationId, NOW, NOW);
      const insert = database.prepare(
        "INSERT INTO running_contracts (id, organization_id, reference, cpv_code, label, start_date, duration_months, nature, source, decp_id, created_at, updated_at) VALUES (?, ?, 'M', '30197630', 'Papier', '2026-01-01', 12, 'marche', 'decp', '21000001400014|M', ?, ?)",
      );
      insert.run(crypto.randomUUID(), organizationId, NOW, NOW);
      insert.run(crypto.randomUUID(), organizationId, NOW, NOW);
      expect(() => restoreDeferredIndexes(database)).toThrow(/UNIQUE constraint failed/);
      expect(database.prepare('SELECT name FROM deferred_indexes').pluck().all()).toEqual([key]);
    }));

  it('restores only the named indexes when asked', () =>
    withSqliteTestDatabase(async (database) => {
      deferIndexes(database, ['needs_list_order_idx', 'running_contracts_org_decp_idx'], NOW);
      expect(restoreDeferredIndexes(database, { names: ['running_contracts_org_decp_idx'] })).toEqual(['running_contracts_org_decp_idx']);
      expect(indexDefinitions(database).has('running_contracts_org_decp_idx')).toBe(true);
      expect(indexDefinitions(database).has('needs_list_order_idx')).toBe(false);
      expect(restoreDeferredIndexes(database)).toEqual(['needs_list_order_idx']);
    }));

  it('rebuilds on opening the indexes a dead process left deferred, not those of a running one', () =>
    withSqliteTestDatabase(async (database, t) => {
      const before = indexDefinitions(database);
      deferIndexes(database, ['needs_list_order_idx', 'running_contracts_org_decp_idx'], NOW);
      // process.ppid (the test runner's parent) is alive; pid 2^22 + 1 is above Linux's pid_max, so never a live process.
      const setDeferrer = database.prepare('UPDATE deferred_indexes SET deferred_by = ? WHERE name = ?');
      setDeferrer.run(`${hostname()}:${process.ppid}`, 'needs_list_order_idx');
      setDeferrer.run(`${hostname()}:${2 ** 22 + 1}`, 'running_contracts_org_decp_idx');
      await t.m.close();

      const reopened = await createDatabase(t.url);
      try {
        const after = indexDefinitions(handleOf(reopened));
        expect(after.get('running_contracts_org_decp_idx')).toBe(before.get('running_contracts_org_decp_idx'));
        expect(after.has('needs_list_order_idx')).toBe(false);
        const left = handleOf(reopened).prepare('SELECT name FROM deferred_indexes').pluck().all();
        expect(left).toEqual(['needs_list_order_idx']);
      } finally {
        await reopened.close();
      }
    }));
});
