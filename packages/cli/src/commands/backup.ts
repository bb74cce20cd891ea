import type { Command } from '../command';
import { EXIT_STATUS, EXIT_USAGE } from '../exit-status';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'sauvegarde à chaud la base SQLite dans --out <fichier> (PostgreSQL : affiche la procédure pg_dump)',
  options: { out: { type: 'string' } },
  // Heavy modules load only when the command runs, so `mutualis --help` stays instant.
  async run({ flags, env, out }) {
    const { backupSqlite, loadConfig, POSTGRES_BACKUP_PROCEDURE, sqliteFileOf } = await import('@mutualis/server');
    const source = sqliteFileOf(loadConfig(env).databaseUrl);
    if (source === null) {
      out(POSTGRES_BACKUP_PROCEDURE);
      // Nothing was saved: a scheduled job must not take this for a backup.
      return EXIT_STATUS.invalid_config;
    }
    const file = flags.out;
    if (typeof file !== 'string' || file === '') {
      console.error('mutualis backup : --out <fichier> est obligatoire');
      return EXIT_USAGE;
    }
    const result = await backupSqlite({ source, out: file });
    out(`Sauvegarde cohérente écrite : ${result.out} (${result.pages} pages, intégrité vérifiée)`);
    return 0;
  },
};
