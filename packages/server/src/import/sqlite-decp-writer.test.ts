import { type DecpAward, normalizeDecpAward } from '@mutualis/core';
import { sqliteHandleOf } from '@mutualis/db';
import { describe, expect, it } from 'vitest';
import { buildTerritory, openTestDatabase, withSqliteTestDatabase } from '../../../db/test/dialects';
import { buildRawDecpRecord } from '../../../core/src/decp/build-raw-decp-record';
import { createSqliteDecpWriter } from './sqlite-decp-writer';
import { refreshDecpNeedsSqlite } from './sqlite-refresh-decp-needs';

const NOW = '2026-11-28T08:00:00.000Z';

function award(overrides: Record<string, unknown>): DecpAward {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

describe('SQLite fast path of the DECP import', () => {
  it('has no SQLite handle on PostgreSQL-like databases and one on SQLite', async () => {
    const t = await openTestDatabase('sqlite');
    try {
      expect(sqliteHandleOf(t.m)).not.toBeNull();
      expect(sqliteHandleOf({ ...t.m, db: {} as never })).toBeNull();
    } finally {
      await t.dispose();
    }
  });

  it('inserts, leaves unchanged and updates contracts by decp_id, and shares organizations across batches', () =>
    withSqliteTestDatabase(async (database, t) => {
      const territory = await t.repos.territories.insert(buildTerritory({ slug: 'voie-rapide' }));
      const writer = createSqliteDecpWriter(database, territory.id, NOW);
      const write = (awards: DecpAward[]) =>
        database.transaction(() =>
          writer.writeChunk(
            awards.map((a) => ({ award: a })),
            (_, error) => {
              throw error;
            },
          ),
        )();
      const first = write([award({ id: 'A1' }), award({ id: 'A2', montant: 1000 })]);
      expect([first.imported, first.updated, first.unchanged, first.buyerIds.length]).toEqual([2, 0, 0, 1]);
      writer.forget(); // organizations are then read back from the database
      const second = write([award({ id: 'A1' }), award({ id: 'A2', montant: 2000 }), award({ id: 'A3' })]);
      expect([second.imported, second.updated, second.unchanged]).toEqual([1, 1, 1]);
      expect(second.buyerIds).toEqual(first.buyerIds);
      const counts = database
        .prepare(
          "SELECT (SELECT count(*) FROM organizations) AS orgs, (SELECT count(*) FROM territory_members) AS members, (SELECT amount_cents FROM running_contracts WHERE decp_id LIKE '%|A2') AS a2",
        )
        .get();
      expect(counts).toEqual({ orgs: 2, members: 1, a2: 200_000 });
      const needs = refreshDecpNeedsSqlite(database, second.buyerIds, NOW);
      expect(needs).toEqual({ created: 1, updated: 0 });
      expect(refreshDecpNeedsSqlite(database, second.buyerIds, NOW)).toEqual({ created: 0, updated: 0 });
    }));

  it('undoes a refused chunk, then writes its awards one by one and reports only the refused one', () =>
    withSqliteTestDatabase(async (database, t) => {
      const territory = await t.repos.territories.insert(buildTerritory({ slug: 'lot-refuse' }));
      const writer = createSqliteDecpWriter(database, territory.id, NOW);
      database.exec(
        "CREATE TRIGGER refuse_b2 BEFORE INSERT ON running_contracts WHEN NEW.reference = 'B2' BEGIN SELECT RAISE(ABORT, 'refusé'); END",
      );
      const refused: string[] = [];
      const outcome = database.transaction(() =>
        writer.writeChunk(
          [award({ id: 'B1' }), award({ id: 'B2' }), award({ id: 'B3' })].map((a) => ({ award: a })),
          (item, error) => refused.push(`${item.award.id}: ${error instanceof Error ? error.message : String(error)}`),
        ),
      )();
      expect([outcome.imported, outcome.updated, outcome.unchanged]).toEqual([2, 0, 0]);
      expect(refused).toEqual(['B2: refusé']);
      const references = database.prepare('SELECT reference FROM running_contracts ORDER BY reference').all();
      expect(references).toEqual([{ reference: 'B1' }, { reference: 'B3' }]);
      // The undone chunk left no organization or membership twice: one buyer, one holder, one member.
      expect(
        database.prepare('SELECT (SELECT count(*) FROM organizations) AS orgs, (SELECT count(*) FROM territory_members) AS members').get(),
      ).toEqual({
        orgs: 2,
        members: 1,
      });
    }));
});
