import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { SqliteHandle } from './create-database';

interface DeferredIndexRow {
  name: string;
  definition: string;
  deferred_by: string;
}

/** Who defers: `<hostname>:<pid>`, so that another process can tell whether the deferrer still runs. */
function processTag(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Drops these secondary indexes of a SQLite database for a bulk load, in one transaction that
 * also records each one's `CREATE INDEX` statement in `deferred_indexes`: whatever happens next
 * (even SIGKILL), the database holds either the index or the means to rebuild it. Indexes absent
 * or already deferred are left alone, and unique indexes too unless `options.isIncludingUnique`:
 * a unique index is a constraint, which the caller then enforces itself until the rebuild (whose
 * `CREATE UNIQUE INDEX` fails if it did not). Returns the names it dropped. Call it outside any
 * transaction, or inside a write transaction that checks what the drop relies on (it is then a
 * savepoint of it); rebuild with `restoreDeferredIndexes`.
 */
export function deferIndexes(
  database: SqliteHandle,
  names: readonly string[],
  now: string,
  options: { isIncludingUnique?: boolean } = {},
): string[] {
  const read = database.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
  const record = database.prepare(
    'INSERT INTO deferred_indexes (name, definition, deferred_by, deferred_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING',
  );
  const defer = database.transaction(() => {
    const dropped: string[] = [];
    for (const name of names) {
      const row = read.get(name) as { sql: string | null } | undefined;
      // sql is null for the automatic indexes of UNIQUE/PRIMARY KEY constraints; a unique index is a constraint too.
      if (row?.sql == null || (/^\s*CREATE\s+UNIQUE/i.test(row.sql) && options.isIncludingUnique !== true)) continue;
      if (record.run(name, row.sql, processTag(), now).changes === 0) continue;
      database.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
      dropped.push(name);
    }
    return dropped;
  });
  return defer.immediate();
}

export interface RestoreDeferredIndexesOptions {
  /** Only these indexes; all recorded ones by default. */
  names?: readonly string[];
  /** Leave the indexes deferred by a process that still runs on this host (an import in progress). */
  isSkippingLiveDeferrers?: boolean;
}

/**
 * Rebuilds indexes recorded by `deferIndexes` (one `CREATE INDEX` each, which sorts the table's
 * keys once instead of inserting them one at a time) and forgets them, in one transaction.
 * Returns the names rebuilt. Does nothing before the migration that creates `deferred_indexes`.
 */
export function restoreDeferredIndexes(database: SqliteHandle, options: RestoreDeferredIndexesOptions = {}): string[] {
  const hasTable = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'").get();
  if (hasTable === undefined) return [];
  const wanted = options.names === undefined ? null : new Set(options.names);
  const pending = (database.prepare('SELECT name, definition, deferred_by FROM deferred_indexes').all() as DeferredIndexRow[]).filter(
    (row) => (wanted === null || wanted.has(row.name)) && !(options.isSkippingLiveDeferrers === true && isLive(row.deferred_by)),
  );
  if (pending.length === 0) return [];
  const exists = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  const forget = database.prepare('DELETE FROM deferred_indexes WHERE name = ?');
  const restore = database.transaction(() => {
    for (const row of pending) {
      if (exists.get(row.name) === undefined) database.exec(row.definition);
      forget.run(row.name);
    }
  });
  restore.immediate();
  return pending.map((row) => row.name);
}

/** True when `tag` names a process of this host that is still running (other than this one, which is opening the database). */
function isLive(tag: string): boolean {
  const separator = tag.lastIndexOf(':');
  const pid = Number(tag.slice(separator + 1));
  if (tag.slice(0, separator) !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A process killed but not yet reaped by its parent still answers signal 0: Linux shows it as state Z. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // no procfs (or the process is gone meanwhile): trust the signal
  }
}
