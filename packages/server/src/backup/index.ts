export { type BackupSqliteOptions, type BackupSqliteResult, backupSqlite } from './backup-sqlite';
export { type RestoreSqliteOptions, type RestoreSqliteResult, restoreSqlite } from './restore-sqlite';
export { POSTGRES_BACKUP_PROCEDURE, sqliteFileOf } from './sqlite-file-of';
export { checkSqliteFile, isSqliteFileInUse, type SqliteFileCheck } from './sqlite-integrity';
