import { existsSync, rmSync } from 'node:fs';
import { DomainError } from '@mutualis/core';
import Sqlite from 'better-sqlite3';
import { checkSqliteFile } from './sqlite-integrity';

const ALL_PAGES = 0x7fffffff;

export interface BackupSqliteOptions {
  /** The live database file (may be in use by the server). */
  source: string;
  /** The backup file to create; must not exist. */
  out: string;
}

export interface BackupSqliteResult {
  out: string;
  pages: number;
}

/**
 * Copies a live SQLite database with SQLite's online backup API: the copy is one consistent
 * snapshot even while the server writes (WAL: the server's writers are not blocked). The copy is
 * then integrity-checked; a bad copy is deleted.
 */
export async function backupSqlite({ source, out }: BackupSqliteOptions): Promise<BackupSqliteResult> {
  if (!existsSync(source)) throw new DomainError('not_found', `Base SQLite introuvable : ${source}`);
  if (existsSync(out)) {
    throw new DomainError('conflict', `Le fichier ${out} existe déjà ; choisissez un autre nom.`, {
      issues: [{ field: 'out', reason: 'Fichier existant.' }],
    });
  }
  const db = new Sqlite(source, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    // All pages in one step: a stepped copy restarts whenever another connection writes, and
    // under a steady write load it would never finish. One step reads one WAL snapshot.
    const progress = await db.backup(out, { progress: () => ALL_PAGES });
    pages = progress.totalPages;
  } finally {
    db.close();
  }
  const check = checkSqliteFile(out);
  if (check.problems.length > 0 || !check.isMutualis) {
    rmSync(out, { force: true });
    throw new DomainError('internal', `La copie ne passe pas le contrôle d’intégrité : ${check.problems.slice(0, 3).join(' ; ')}`);
  }
  return { out, pages };
}
