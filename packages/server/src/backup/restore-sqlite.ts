import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '@mutualis/core';
import Sqlite from 'better-sqlite3';
import { checkSqliteFile, isSqliteFileInUse } from './sqlite-integrity';

export interface RestoreSqliteOptions {
  /** The backup to restore. */
  from: string;
  /** The database file to replace (DATABASE_URL). */
  target: string;
}

export interface RestoreSqliteResult {
  /** Where the replaced database was kept (`<target>.bak`), or null when there was none. */
  previous: string | null;
}

/**
 * Replaces the database file by a backup, refusing when the backup is not a sound Mutualis
 * database (`PRAGMA integrity_check`) or when a process (the server) has the database open.
 * The replaced file is checkpointed and kept as `<target>.bak`; its WAL and shared-memory files
 * are removed so they cannot be replayed over the restored data.
 */
export function restoreSqlite({ from, target }: RestoreSqliteOptions): RestoreSqliteResult {
  if (!existsSync(from)) throw new DomainError('not_found', `Sauvegarde introuvable : ${from}`);
  assertSoundBackup(from);
  let previous: string | null = null;
  if (existsSync(target)) {
    if (isSqliteFileInUse(target)) {
      throw new DomainError('conflict', `La base ${target} est ouverte par un autre processus : arrêtez le serveur avant de restaurer.`);
    }
    checkpoint(target);
    previous = `${target}.bak`;
    renameSync(target, previous);
  }
  mkdirSync(dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  // Copy beside the target, then rename: a crash mid-copy never leaves a half-written database in place.
  const partial = `${target}.restoring`;
  copyFileSync(from, partial);
  renameSync(partial, target);
  return { previous };
}

function assertSoundBackup(from: string): void {
  let problems: string[];
  try {
    const check = checkSqliteFile(from);
    problems = check.isMutualis ? check.problems : ['ce n’est pas une base Mutualis'];
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length > 0) {
    throw new DomainError('unreadable_file', `Sauvegarde refusée (contrôle d’intégrité) : ${problems.slice(0, 3).join(' ; ')}`, {
      issues: [{ field: 'file', reason: problems[0] ?? 'invalide' }],
    });
  }
}

/** Folds the WAL into the main file so that the kept `.bak` is complete on its own. */
function checkpoint(path: string): void {
  const db = new Sqlite(path, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
