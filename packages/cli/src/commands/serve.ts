import type { Command } from '../command';
import { printDemoAccounts } from './print-demo-accounts';

const WEB_DIST = new URL('../../../web/dist', import.meta.url).pathname;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'démarre le serveur (PORT, DATABASE_URL) ; migre, et charge la démonstration si la base est vide',
  options: { 'no-demo': { type: 'boolean', default: false } },
  // Heavy modules load only when the command runs, so `mutualis --help` stays instant.
  async run({ flags, env, out }) {
    const { buildApp, isDatabaseEmpty, loadConfig, loadDemo } = await import('@mutualis/server');
    const { openMigratedDatabase } = await import('../open-database');
    const config = loadConfig(env, { webDistDir: WEB_DIST });
    const database = await openMigratedDatabase(config.databaseUrl);
    if (flags['no-demo'] !== true && (await isDatabaseEmpty(database))) printDemoAccounts(await loadDemo(database), out);
    const app = await buildApp({ database, config });
    await app.listen({ port: config.port, host: config.host });
    out(`Mutualis écoute sur http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    await database.close();
    return 0;
  },
};
