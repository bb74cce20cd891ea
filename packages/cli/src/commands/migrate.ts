import type { Command } from '../command';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'applique les migrations en attente (DATABASE_URL)',
  options: {},
  // Heavy modules load only when the command runs, so `mutualis --help` stays instant.
  async run({ env, out }) {
    const { loadConfig } = await import('@mutualis/server/config');
    const { openMigratedDatabase } = await import('../open-database');
    const config = loadConfig(env);
    const database = await openMigratedDatabase(config.databaseUrl);
    await database.close();
    out(`Base à jour : ${config.databaseUrl}`);
    return 0;
  },
};
