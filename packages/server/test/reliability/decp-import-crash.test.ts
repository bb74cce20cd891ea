import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type DialectName } from '@mutualis/db';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects } from '../../../db/test/dialects';
import { importDecp } from '../../src/import';
import { crashRecordId, writeDecpCrashFile } from './decp-crash-file';

const RECORDS = 8_000;
const BATCH_SIZE = 400;
const TSX = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
const CHILD = join(import.meta.dirname, 'decp-import-child.ts');
const DEADLINE_MS = 60_000;

/**
 * Runs the import in a child process and SIGKILLs it part-way into the batch after the
 * `atLeast`-th imported record (timed on the previous batch); resolves with the last count it
 * acknowledged. Lines still in the pipe at the kill are read after the exit (pipe writes are synchronous).
 */
async function importAndKill(url: string, file: string, atLeast: number, isDeferringIndexes: boolean): Promise<number> {
  const args = [CHILD, url, 'crash-decp', file, String(BATCH_SIZE), ...(isDeferringIndexes ? ['defer-indexes'] : [])];
  const child = spawn(TSX, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killGroup = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = setTimeout(killGroup, DEADLINE_MS);
  let output = '';
  let acknowledged = 0;
  let killScheduled = false;
  const ackTimes: number[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const match of chunk.toString().matchAll(/imported (\d+) rejected (\d+)/g)) {
      if (match[2] !== '0') throw new Error(`the crash file has rejected records: ${output}`);
      acknowledged = Number(match[1]);
      ackTimes.push(performance.now());
    }
    if (acknowledged < atLeast || killScheduled) return;
    killScheduled = true;
    const batchMs = (ackTimes.at(-1) ?? 0) - (ackTimes.at(-2) ?? 0);
    setTimeout(killGroup, batchMs * (0.3 + 0.6 * Math.random()));
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, s) => resolve(s)));
  clearTimeout(deadline);
  if (signal !== 'SIGKILL' || !killScheduled) throw new Error(`import ended before the kill (${signal}): ${output}`);
  return acknowledged;
}

/**
 * The indexes the bulk path defers (import-decp.ts) into a database without DECP contracts, the
 * unique DECP key index included, which must be back once the database is reopened.
 */
const DEFERRED = ['running_contracts_org_decp_idx', 'needs_list_order_idx', 'running_contracts_decp_id_key'];

// The bulk path (indexes deferred) is SQLite's only: on PostgreSQL the option does nothing.
const variants: { dialect: DialectName; isDeferringIndexes: boolean }[] = testDialects().flatMap((dialect) =>
  [false, true]
    .filter((isDeferringIndexes) => !isDeferringIndexes || dialect === 'sqlite')
    .map((isDeferringIndexes) => ({ dialect, isDeferringIndexes })),
);

for (const { dialect, isDeferringIndexes } of variants) {
  describe(`kill -9 during a DECP import [${dialect}${isDeferringIndexes ? ', indexes deferred' : ''}]`, () => {
    it('leaves whole batches only, keeps every acknowledged one, and a re-import completes the file', async () => {
      const tdb = await openTestDatabase(dialect);
      const dir = mkdtempSync(join(tmpdir(), 'mutualis-decp-crash-'));
      try {
        await tdb.m.close();
        const file = join(dir, 'decp.json');
        writeDecpCrashFile(file, RECORDS);
        const acknowledged = await importAndKill(tdb.url, file, 3 * BATCH_SIZE, isDeferringIndexes);
        if (isDeferringIndexes) {
          // The kill came mid-import, while the indexes were dropped: their definitions wait in deferred_indexes.
          const raw = new Sqlite(tdb.url.slice('sqlite:'.length));
          try {
            const waiting = raw.prepare('SELECT name FROM deferred_indexes ORDER BY name').pluck().all();
            expect(waiting).toEqual([...DEFERRED].sort());
          } finally {
            raw.close();
          }
        }

        const m = await createDatabase(tdb.url);
        try {
          if (dialect === 'sqlite') {
            const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(m.db);
            expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
            // Reopening rebuilt what the killed import had dropped, and forgot it.
            const indexes = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'`.execute(m.db);
            expect(indexes.rows.map((r) => r.name)).toEqual(expect.arrayContaining(DEFERRED));
            expect(await m.db.selectFrom('deferred_indexes').selectAll().execute()).toEqual([]);
          }
          const rows = await m.db.selectFrom('running_contracts').select('reference').where('reference', 'like', 'CRASH%').execute();
          const present = rows.map((r) => r.reference).sort();
          // Batches are records [k·B, (k+1)·B): whole batches form a prefix of the file; the one in
          // flight at the kill is either wholly there (committed, not yet acknowledged) or absent.
          expect([acknowledged, acknowledged + BATCH_SIZE]).toContain(present.length);
          expect(present).toEqual(Array.from({ length: present.length }, (_, i) => crashRecordId(i)));

          const again = await importDecp({ m, territorySlug: 'crash-decp', files: [file], batchSize: BATCH_SIZE });
          expect({ imported: again.imported, unchanged: again.unchanged, rejected: again.rejected }).toEqual({
            imported: RECORDS - present.length,
            unchanged: present.length,
            rejected: 0,
          });
        } finally {
          await m.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await tdb.dispose();
      }
    }, 120_000);
  });
}
