import Sqlite from 'better-sqlite3';

/** What `PRAGMA integrity_check` says of a SQLite file (`['ok']` when sound), and whether it holds Mutualis tables. */
export interface SqliteFileCheck {
  problems: string[];
  isMutualis: boolean;
}

/** Opens `path` read-only and checks it; throws the driver's error when it is not a SQLite database at all. */
export function checkSqliteFile(path: string): SqliteFileCheck {
  const db = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((message) => message !== 'ok');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('kysely_migration', 'needs')").all();
    return { problems, isMutualis: tables.length === 2 };
  } finally {
    db.close();
  }
}

/**
 * Whether another connection (a running server, a CLI import) has the file open: an exclusive
 * lock is then refused at once. In WAL mode every open connection holds a shared lock.
 */
export function isSqliteFileInUse(path: string): boolean {
  const db = new Sqlite(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}
