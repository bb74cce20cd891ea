import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/index';
import { openTestDatabase, testDialects } from './dialects';

const BATCH_SIZE = 40;
const TSX = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
const WRITER = join(import.meta.dirname, 'crash-writer.ts');
/** Startup of tsx is slow on a loaded machine; past this the writer is killed and the test fails. */
const WRITER_DEADLINE_MS = 45_000;

/**
 * Starts the writer, SIGKILLs it once it has committed `atLeast` batches, and resolves with the
 * highest batch it acknowledged. Acknowledgements still in the pipe when it dies are counted:
 * stdout writes to a pipe are synchronous on Linux, so every printed line is read after the exit.
 */
async function runWriterAndKill(url: string, atLeast: number): Promise<number> {
  // Own process group: the tsx CLI runs the script in a child node process, and the kill must reach it.
  const child = spawn(TSX, [WRITER, url, String(BATCH_SIZE)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killGroup = () => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = setTimeout(killGroup, WRITER_DEADLINE_MS);
  let stderr = '';
  let acknowledged = 0;
  let killScheduled = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ackTimes: number[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const match of chunk.toString().matchAll(/committed (\d+)/g)) {
      acknowledged = Number(match[1]);
      ackTimes.push(performance.now());
    }
    if (acknowledged < atLeast || killScheduled) return;
    killScheduled = true;
    // Kill 20–80 % into the next batch (timed on the previous one), so the kill lands inside its transaction.
    const batchMs = (ackTimes.at(-1) ?? 0) - (ackTimes.at(-2) ?? 0);
    setTimeout(killGroup, batchMs * (0.2 + 0.6 * Math.random()));
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, closeSignal) => resolve(closeSignal)));
  clearTimeout(deadline);
  if (signal !== 'SIGKILL' || !killScheduled) throw new Error(`writer stopped before committing ${atLeast} batches (${signal}): ${stderr}`);
  return acknowledged;
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
          // Every acknowledged batch survived, whole; beyond them only the in-flight batch may have committed
          // (killed between its commit and its acknowledgement).
          for (let batch = 1; batch <= acknowledged; batch += 1) expect(byNumber.get(batch)).toBe(BATCH_SIZE);
          expect([acknowledged, acknowledged + 1]).toContain(batches.length);
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
