import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createRepositories, type MutualisDb, withTransaction } from '@mutualis/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main';
import { buildNeed, buildOrganization, buildTerritory, openTestDatabase, type TestDatabase } from '../../db/test/dialects';
import { backupSqlite, restoreSqlite, sqliteFileOf } from '@mutualis/server';

const BATCH = 20;
const dir = mkdtempSync(join(tmpdir(), 'mutualis-backup-'));

/** Every table's rows, sorted, so that two databases can be compared whole. */
async function dump(m: MutualisDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['organizations', 'needs', 'territories'] as const) {
    out[table] = await m.db.selectFrom(table).selectAll().orderBy('id').execute();
  }
  return out;
}

async function withDatabase<T>(path: string, use: (m: MutualisDb) => Promise<T>): Promise<T> {
  const m = await createDatabase(`sqlite:${path}`);
  try {
    return await use(m);
  } finally {
    await m.close();
  }
}

/** Batches of one marker organization `backup-batch-<k>` and BATCH needs, one transaction each, until stopped. */
function startWriter(m: MutualisDb): { stop(): Promise<number> } {
  let running = true;
  let batches = 0;
  const loop = (async () => {
    while (running) {
      const marker = `backup-batch-${batches + 1}`;
      await withTransaction(m, async (repos) => {
        const org = await repos.organizations.insert(buildOrganization({ name: marker }));
        await repos.needs.insertMany(Array.from({ length: BATCH }, () => buildNeed({ organizationId: org.id, sourceRef: marker })));
      });
      batches += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return batches;
    },
  };
}

describe('SQLite backup and restore', () => {
  let live: TestDatabase;
  let source: string;
  beforeAll(async () => {
    live = await openTestDatabase('sqlite');
    source = sqliteFileOf(live.url) ?? '';
    // A few MB, so the online backup copies in several steps while the writer commits.
    const org = await live.repos.organizations.insert(buildOrganization());
    await live.repos.needs.insertMany(Array.from({ length: 6_000 }, () => buildNeed({ organizationId: org.id })));
  });
  afterAll(async () => {
    await live.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a consistent copy while writes go on, and restores it into a new path with equal data', async () => {
    const writer = startWriter(live.m);
    const backup = join(dir, 'live.backup.db');
    const result = await backupSqlite({ source, out: backup });
    const written = await writer.stop();
    expect(result.pages).toBeGreaterThan(100);
    expect(written).toBeGreaterThan(0);

    const restored = join(dir, 'restored', 'mutualis.db');
    expect(restoreSqlite({ from: backup, target: restored })).toEqual({ previous: null });
    const backupData = await withDatabase(backup, dump);
    const restoredData = await withDatabase(restored, dump);
    expect(restoredData).toEqual(backupData);
    // Consistent: every batch in the copy is whole, and the batches form a prefix of those written.
    const batchNeeds = new Map<string, number>();
    for (const need of backupData.needs as { source_ref: string | null }[]) {
      if (need.source_ref?.startsWith('backup-batch-')) batchNeeds.set(need.source_ref, (batchNeeds.get(need.source_ref) ?? 0) + 1);
    }
    expect([...batchNeeds.values()].every((n) => n === BATCH)).toBe(true);
    expect([...batchNeeds.keys()].sort()).toEqual(Array.from({ length: batchNeeds.size }, (_, i) => `backup-batch-${i + 1}`).sort());
  });

  it('refuses to restore over a database a process holds open, and changes nothing', async () => {
    const backup = join(dir, 'held.backup.db');
    await backupSqlite({ source, out: backup });
    const before = readFileSync(source);
    expect(() => restoreSqlite({ from: backup, target: source })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(readFileSync(source).equals(before)).toBe(true);
  });

  it('refuses a corrupted backup before touching the database', async () => {
    const backup = join(dir, 'corrupt.backup.db');
    await backupSqlite({ source, out: backup });
    const bytes = readFileSync(backup);
    bytes.fill(0x5a, 8192, 40_960);
    writeFileSync(backup, bytes);
    const target = join(dir, 'untouched.db');
    writeFileSync(target, 'ne pas toucher');
    expect(() => restoreSqlite({ from: backup, target })).toThrow(expect.objectContaining({ code: 'unreadable_file' }));
    expect(readFileSync(target, 'utf8')).toBe('ne pas toucher');
  });

  it('refuses to overwrite an existing backup file', async () => {
    const backup = join(dir, 'twice.backup.db');
    await backupSqlite({ source, out: backup });
    await expect(backupSqlite({ source, out: backup })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('mutualis backup and restore commands', () => {
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  it('back up a SQLite database and restore it, keeping the replaced one as .bak', async () => {
    const db = join(dir, 'cli', 'mutualis.db');
    const env = { DATABASE_URL: `sqlite:${db}` };
    expect(await main(['migrate'], env, out)).toBe(0);
    const backup = join(dir, 'cli.backup.db');
    expect(await main(['backup', '--out', backup], env, out)).toBe(0);
    await withDatabase(db, (m) => createRepositories(m).territories.insert(buildTerritory({ slug: 'apres' })));
    expect(await main(['restore', backup], env, out)).toBe(0);
    expect(existsSync(`${db}.bak`)).toBe(true);
    expect(await withDatabase(db, (m) => m.db.selectFrom('territories').selectAll().execute())).toEqual([]);
    expect(await withDatabase(`${db}.bak`, (m) => m.db.selectFrom('territories').select('slug').execute())).toEqual([{ slug: 'apres' }]);
  });

  it('print the pg_dump / pg_restore procedure for PostgreSQL and exit non-zero (nothing was saved)', async () => {
    const env = { DATABASE_URL: 'postgres://u@127.0.0.1:1/db' };
    lines.length = 0;
    expect(await main(['backup', '--out', join(dir, 'pg.dump')], env, out)).toBe(78);
    expect(await main(['restore', join(dir, 'pg.dump')], env, out)).toBe(78);
    expect(lines.join('\n')).toContain('pg_dump --format=custom');
    expect(lines.join('\n')).toContain('pg_restore');
  });

  it('require --out for a backup', async () => {
    expect(await main(['backup'], { DATABASE_URL: `sqlite:${join(dir, 'x.db')}` }, out)).toBe(2);
  });
});
