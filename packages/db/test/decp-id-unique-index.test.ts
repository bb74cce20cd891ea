import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../src/index';
import { buildOrganization, buildRunningContract, forEachDialect } from './dialects';

/** The repository's conflict error, which it gives for a unique violation on decp_id (db's error mapping). */
const DUPLICATE = 'Un enregistrement avec ce decpId existe déjà.';

forEachDialect('running contracts: decp_id unique through a named index', (t) => {
  const decpIndexes = async () =>
    t.m.dialect === 'sqlite'
      ? (
          await sql<{ name: string; sql: string | null }>`
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'running_contracts' ORDER BY name
          `.execute(t.m.db)
        ).rows.map((r) => `${r.name}: ${r.sql ?? '(automatic)'}`)
      : (
          await sql<{ indexname: string; indexdef: string }>`
            SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'running_contracts' ORDER BY indexname
          `.execute(t.m.db)
        ).rows.map((r) => `${r.indexname}: ${r.indexdef}`);
  const insertWithDecpId = async (organizationId: string, decpId: string) =>
    t.repos.runningContracts.insert(buildRunningContract({ organizationId, source: 'decp', decpId }));

  // Last of this file: it moves this describe's own database down one migration and back up.
  it('keeps decp_id unique before and after the migration, and keeps the rows and the other indexes through down and up', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const decpId = `${org.siret}|M-1`;
    const stored = await insertWithDecpId(org.id, decpId);
    await expect(insertWithDecpId(org.id, decpId)).rejects.toThrow(DUPLICATE);
    const latest = await decpIndexes();
    // The named unique index, which a bulk import may drop and rebuild; no automatic index left for decp_id.
    expect(latest.filter((line) => line.startsWith('running_contracts_decp_id_key: '))).toEqual([
      expect.stringMatching(/^running_contracts_decp_id_key: CREATE UNIQUE INDEX .*running_contracts.*\(.?decp_id.?\)/),
    ]);

    const migrator = new Migrator({ db: t.m.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo('202611281300_decp_provenance');
    // Later migrations go down first; all must succeed.
    expect(down.results?.every((r) => r.direction === 'Down' && r.status === 'Success')).toBe(true);
    expect(down.results?.map((r) => r.migrationName).filter((name) => name <= '202611281400_decp_id_unique_index')).toEqual([
      '202611281400_decp_id_unique_index',
    ]);
    // Before: the column constraint (SQLite: an automatic index; PostgreSQL: the constraint's index of the same name).
    await expect(insertWithDecpId(org.id, decpId)).rejects.toThrow(DUPLICATE);
    expect((await decpIndexes()).some((line) => line.startsWith('running_contracts_decp_id_key: CREATE UNIQUE INDEX'))).toBe(
      t.m.dialect === 'postgres',
    );

    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await decpIndexes()).toEqual(latest);
    expect((await t.repos.runningContracts.getById(stored.id))?.decpId).toBe(decpId);
    await expect(insertWithDecpId(org.id, decpId)).rejects.toThrow(DUPLICATE);
    expect((await insertWithDecpId(org.id, `${org.siret}|M-2`)).decpId).toBe(`${org.siret}|M-2`);
  });
});
