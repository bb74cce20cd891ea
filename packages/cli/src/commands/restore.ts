import type { Command } from '../command';
import { EXIT_STATUS, EXIT_USAGE } from '../exit-status';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'remplace la base SQLite par une sauvegarde vérifiée (serveur arrêté ; l’ancienne base est gardée en .bak)',
  options: {},
  allowPositionals: true,
  async run({ positionals, env, out }) {
    const { loadConfig, POSTGRES_BACKUP_PROCEDURE, restoreSqlite, sqliteFileOf } = await import('@mutualis/server');
    const target = sqliteFileOf(loadConfig(env).databaseUrl);
    if (target === null) {
      out(POSTGRES_BACKUP_PROCEDURE);
      return EXIT_STATUS.invalid_config;
    }
    const [from, ...extra] = positionals;
    if (from === undefined || extra.length > 0) {
      console.error('usage : mutualis restore <fichier de sauvegarde>');
      return EXIT_USAGE;
    }
    const { previous } = restoreSqlite({ from, target });
    out(`Base restaurée depuis ${from} dans ${target}${previous ? ` ; l’ancienne base est gardée dans ${previous}` : ''}`);
    return 0;
  },
};
