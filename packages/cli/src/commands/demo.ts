import type { Command } from '../command';
import { printDemoAccounts } from './print-demo-accounts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'charge les territoires de démonstration (--reset : les efface puis les recharge)',
  options: { reset: { type: 'boolean', default: false } },
  // Heavy modules load only when the command runs, so `mutualis --help` stays instant.
  async run({ flags, env, out }) {
    const { isDatabaseEmpty, loadConfig, loadDemo, wipeDemo } = await import('@mutualis/server');
    const { openMigratedDatabase } = await import('../open-database');
    const config = loadConfig(env);
    const database = await openMigratedDatabase(config.databaseUrl);
    try {
      if (flags.reset === true) {
        await wipeDemo(database);
      } else if (!(await isDatabaseEmpty(database))) {
        out('La base contient déjà des territoires ; utilisez --reset pour recharger la démonstration.');
        return 0;
      }
      printDemoAccounts(await loadDemo(database), out);
      return 0;
    } finally {
      await database.close();
    }
  },
};
