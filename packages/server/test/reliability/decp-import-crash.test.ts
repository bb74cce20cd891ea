import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createRepositories } from '@mutualis/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildTerritory, openTestDatabase, testDialects } from '../../../db/test/dialects';
import { ImportJobs, readImportResults } from '../../src/import';
import { writeDecpCrashFile } from './decp-crash-file';

const RECORDS = 8_000;
const AWARDS_PER_WRITE = 400;
const TSX = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
const CHILD = join(import.meta.dirname, 'decp-import-child.ts');
const DEADLINE_MS = 60_000;

/**
 * Runs the import in a child process and SIGKILLs it once it has read `atLeast` records, part-way
 * into the next read (timed on the previous one): several transactions are committed by then.
 */
async function importAndKill(url: string, territoryId: string, file: string, atLeast: number): Promise<void> {
  const child = spawn(TSX, [CHILD, url, territoryId, file, String(AWARDS_PER_WRITE)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = setTimeout(killGroup, DEADLINE_MS);
  let output = '';
  let killScheduled = false;
  const readTimes: number[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    let read = 0;
    for (const match of chunk.toString().matchAll(/read (\d+)/g)) {
      read = Number(match[1]);
      readTimes.push(performance.now());
    }
    if (read < atLeast || killScheduled) return;
    killScheduled = true;
    const readMs = (readTimes.at(-1) ?? 0) - (readTimes.at(-2) ?? 0);
    setTimeout(killGroup, readMs * (0.3 + 0.6 * Math.random()));
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, s) => resolve(s)));
  clearTimeout(deadline);
  if (signal !== 'SIGKILL' || !killScheduled) throw new Error(`import ended before the kill (${signal}): ${output}`);
}

for (const dialect of testDialects()) {
  describe(`kill -9 during a DECP import [${dialect}]`, () => {
    it('leaves a database the next process recovers: the killed import undone as a whole, then imported in full', async () => {
      const tdb = await openTestDatabase(dialect);
      const dir = mkdtempSync(join(tmpdir(), 'mutualis-decp-crash-'));
      try {
        const territory = await tdb.repos.territories.insert(buildTerritory());
        await tdb.m.close();
        const file = join(dir, 'decp.json');
        writeDecpCrashFile(file, RECORDS);
        await importAndKill(tdb.url, territory.id, file, 3_000);

        const m = await createDatabase(tdb.url);
        try {
          const repos = createRepositories(m);
          if (dialect === 'sqlite') {
            const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(m.db);
            expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
          }
          const crashContracts = async () =>
            (await m.db.selectFrom('running_contracts').select('reference').where('reference', 'like', 'CRASH%').execute()).length;
          const [killed] = await repos.imports.listForTerritory(territory.id);
          // Killed mid-import: still « running », several transactions of it committed, its buyers members.
          expect(killed?.status).toBe('running');
          expect(await crashContracts()).toBeGreaterThanOrEqual(AWARDS_PER_WRITE);
          const members = await m.db.selectFrom('territory_members').select('import_id').where('territory_id', '=', territory.id).execute();
          expect(members.length).toBeGreaterThan(0);

          const jobs = new ImportJobs({ m, importDir: dir, now: () => new Date() });
          await jobs.recover();
          await jobs.idle();
          const recovered = await jobs.record(killed?.id ?? '');
          expect(recovered.status).toBe('failed');
          expect(await crashContracts()).toBe(0);
          const left = (table: 'territory_members' | 'organizations') =>
            m.db
              .selectFrom(table)
              .select('import_id')
              .where('import_id', '=', killed?.id ?? '')
              .execute();
          expect([await left('territory_members'), await left('organizations')]).toEqual([[], []]);

          const again = await jobs.importDecpNow({
            territoryId: territory.id,
            actor: { userId: null, label: 'test' },
            files: [{ path: file, name: 'decp.json' }],
            scope: { departements: [], includeOutside: true },
          });
          expect(readImportResults(again).decp).toMatchObject({ read: RECORDS, imported: RECORDS, rejected: 0 });
          expect(await crashContracts()).toBe(RECORDS);
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
