import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/index';
import { openTestDatabase, testDialects } from './dialects';

const BATCH_SIZE = 40;
const TSX = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
const WRITER = join(import.meta.dirname, 'crash-writer.ts');

/** Starts the writer and resolves with the highest batch it reported committed once it has committed `atLeast`; then SIGKILLs it mid-run. */
async function runWriterAndKill(url: string, atLeast: number): Promise<number> {
  const child = spawn(TSX, [WRITER, url, String(BATCH_SIZE)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const committed = await new Promise<number>((resolve, reject) => {
    let last = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString().matchAll(/committed (\d+)/g)) last = Number(match[1]);
      // A short random delay so the kill lands at a varying point, usually inside a batch transaction.
      if (last >= atLeast) setTimeout(() => resolve(last), Math.random() * 15);
    });
    child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
  });
  await kill(child);
  return committed;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

for (const dialect of testDialects()) {
  describe(`crash recovery [${dialect}]`, () => {
    it('keeps every batch whole or absent, and every acknowledged batch, after SIGKILL mid-write', async () => {
      const tdb = await openTestDatabase(dialect);
      try {
        await tdb.m.close();
        const acknowledged = await runWriterAndKill(tdb.url, 3);

        const reopened = await createDatabase(tdb.url);
        try {
          if (dialect === 'sqlite') {
            const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db);
            expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
          }
          const batches = await reopened.db
            .selectFrom('organizations')
            .leftJoin('needs', 'needs.organization_id', 'organizations.id')
            .where('organizations.name', 'like', 'crash-batch-%')
            .groupBy('organizations.name')
            .select((eb) => ['organizations.name', eb.fn.count<number>('needs.id').as('rows')])
            .execute();
          const byNumber = new Map(batches.map((b) => [Number(b.name.replace('crash-batch-', '')), b.rows]));
          // Every acknowledged batch survived, whole; at most the in-flight batch beyond it may have committed.
          for (let batch = 1; batch <= acknowledged; batch += 1) expect(byNumber.get(batch)).toBe(BATCH_SIZE);
          expect(batches.length === acknowledged || batches.length === acknowledged + 1).toBe(true);
          expect(batches.every((b) => b.rows === BATCH_SIZE)).toBe(true);
          const stray = await reopened.db
            .selectFrom('needs')
            .select((eb) => ['needs.source_ref', eb.fn.countAll<number>().as('rows')])
            .groupBy('needs.source_ref')
            .execute();
          expect(stray.every((group) => group.rows === BATCH_SIZE)).toBe(true);
          expect(stray).toHaveLength(batches.length);
        } finally {
          await reopened.close();
        }
      } finally {
        await tdb.dispose();
      }
    });
  });
}
