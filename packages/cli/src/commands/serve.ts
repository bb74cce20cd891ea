import type { Command, CommandContext } from '../command';
import { failOnIssues, stringFlag } from './command-flags';
import { printDemoAccounts } from './print-demo-accounts';

const WEB_DIST = new URL('../../../web/dist', import.meta.url).pathname;
const BIN = new URL('../../bin/mutualis.mjs', import.meta.url).pathname;
const MAX_WORKERS = 64;

export const serveCommand: Command = {
  name: 'serve',
  summary:
    'démarre le serveur (PORT, DATABASE_URL) ; migre, et charge la démonstration si la base est vide ; --workers N|auto : N processus (SQLite)',
  options: { 'no-demo': { type: 'boolean', default: false }, workers: { type: 'string', default: '1' } },
  // Heavy modules load only when the command runs, so `mutualis --help` stays instant.
  async run(ctx) {
    const cluster = (await import('node:cluster')).default;
    if (cluster.isWorker) return serveWorker(ctx);
    const workers = await parseWorkers(stringFlag(ctx.flags, 'workers') ?? '1');
    const { isDatabaseEmpty, loadConfig, loadDemo, prepareFirstAdministratorLink, SERVER_DATABASE_OPTIONS } = await import(
      '@mutualis/server'
    );
    const { DomainError } = await import('@mutualis/core');
    const { openMigratedDatabase } = await import('../open-database');
    const config = loadConfig(ctx.env, { webDistDir: WEB_DIST });
    // Only SQLite tells a process that another one wrote (data_version), which keeps each worker's caches exact.
    if (workers > 1 && !config.databaseUrl.startsWith('sqlite:'))
      throw new DomainError('invalid_config', `--workers ${workers} : plusieurs processus ne sont possibles qu’avec SQLite.`, {
        issues: [
          {
            field: 'workers',
            reason:
              'Avec PostgreSQL, un processus ne verrait pas à temps les écritures des autres dans ses caches ; lancez --workers 1 (plusieurs instances derrière un répartiteur ne sont pas prises en charge non plus).',
          },
        ],
      });
    // Each worker opens the URL itself: an in-memory database would be a different, empty one per worker.
    if (workers > 1 && /^sqlite:(\/\/)?:memory:$/.test(config.databaseUrl))
      throw new DomainError('invalid_config', `--workers ${workers} : une base SQLite en mémoire ne se partage pas entre processus.`, {
        issues: [{ field: 'workers', reason: 'Donnez un fichier (DATABASE_URL=sqlite:chemin) ou lancez --workers 1.' }],
      });
    const database = await openMigratedDatabase(config.databaseUrl, SERVER_DATABASE_OPTIONS);
    if (ctx.flags['no-demo'] !== true && (await isDatabaseEmpty(database))) printDemoAccounts(await loadDemo(database), ctx.out);
    const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    // A fresh instance has no administrator: a one-time link to create the first one (each start replaces the previous link).
    const setup = await prepareFirstAdministratorLink({
      database,
      sessionSecret: config.sessionSecret,
      baseUrl: config.publicUrl ?? address,
    });
    if (setup) {
      ctx.out('Aucun administrateur : créez le premier en ouvrant ce lien (valable 24 h, une seule fois) :');
      ctx.out(`  ${setup.url}`);
    }
    if (workers === 1) return serveInProcess(ctx, database, config, address);
    await database.close();
    return servePrimary(ctx, workers, address);
  },
};

/** `1`…`64`, or `auto`: one worker per available CPU. */
async function parseWorkers(text: string): Promise<number> {
  if (text === 'auto') return (await import('node:os')).availableParallelism();
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_WORKERS) {
    await failOnIssues([{ field: '--workers', reason: `entier de 1 à ${MAX_WORKERS} ou auto attendu, reçu « ${text} »` }]);
  }
  return value;
}

/** Resolves on SIGINT or SIGTERM. The listeners stay: a second signal (the primary relays it to its workers, who may also get it from their process group) must not kill a closing process. */
function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}

async function serveInProcess(
  ctx: CommandContext,
  database: import('@mutualis/db').MutualisDb,
  config: import('@mutualis/server').ServerConfig,
  address: string,
): Promise<number> {
  await runAppUntilStopped({ database, config, runImportJob: importJobProcess(ctx, config.databaseUrl) }, () =>
    ctx.out(`Mutualis écoute sur ${address}`),
  );
  return 0;
}

/**
 * DECP import jobs run in a `mutualis import job` process of their own (a file database; an
 * in-memory one is this process's only): the server's requests never wait behind an import's work.
 */
function importJobProcess(ctx: CommandContext, databaseUrl: string): import('@mutualis/server').BuildAppOptions['runImportJob'] {
  if (/^sqlite:(\/\/)?:memory:$/.test(databaseUrl)) return undefined;
  return async (action, importId) => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'import', 'job', action, importId, '--database', databaseUrl], {
      env: ctx.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  };
}

/**
 * A worker of `serve --workers N`: the whole app on its own SQLite connection (the primary already
 * migrated the database), listening on the port node:cluster shares between the workers.
 */
async function serveWorker(ctx: CommandContext): Promise<number> {
  const { ClusterLoginLimiter, loadConfig, SERVER_DATABASE_OPTIONS } = await import('@mutualis/server');
  const { createDatabase } = await import('@mutualis/db');
  const config = loadConfig(ctx.env, { webDistDir: WEB_DIST });
  const database = await createDatabase(config.databaseUrl, SERVER_DATABASE_OPTIONS);
  const runImportJob = importJobProcess(ctx, config.databaseUrl);
  await runAppUntilStopped({ database, config, loginLimiter: new ClusterLoginLimiter(), runImportJob }, () => {});
  // The IPC channel to the primary would keep this process alive.
  process.disconnect();
  return 0;
}

/** Builds the app, listens, and on SIGINT/SIGTERM closes the app, then its database. */
async function runAppUntilStopped(options: import('@mutualis/server').BuildAppOptions, onListening: () => void): Promise<void> {
  const { buildApp, warmUpObservatory } = await import('@mutualis/server');
  const app = await buildApp(options);
  await app.listen({ port: options.config.port, host: options.config.host });
  onListening();
  // Its first visitor need not wait for the open-data observatory (seconds for the national DECP).
  void warmUpObservatory(options.database, (error) => app.log.warn({ err: error }, 'observatory not built ahead'));
  await untilStopSignal();
  await app.close();
  await options.database.close();
}

/**
 * The primary of `serve --workers N`: forks the workers (node:cluster hands each accepted
 * connection to one of them), keeps their shared failed-login counter, replaces a worker that
 * dies, and on SIGINT/SIGTERM stops them all.
 */
async function servePrimary(ctx: CommandContext, workers: number, address: string): Promise<number> {
  const cluster = (await import('node:cluster')).default;
  const { serveLoginLimiterToWorkers } = await import('@mutualis/server');
  cluster.setupPrimary({ exec: BIN, args: ['serve', '--no-demo'] });
  // One failed-login counter for all workers: the limit holds whichever worker a login reaches.
  serveLoginLimiterToWorkers(cluster);
  const { DomainError } = await import('@mutualis/core');
  let started = false;
  let stopping = false;
  const env = Object.fromEntries(Object.entries(ctx.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const fork = () => cluster.fork(env);
  const failedStart = new Promise<never>((_resolve, reject) => {
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (!started) {
        reject(new DomainError('internal', `Un processus du serveur s’est arrêté au démarrage (${signal ?? code}).`));
        return;
      }
      ctx.out(`Processus ${worker.process.pid} arrêté (${signal ?? code}) ; remplacé.`);
      fork();
    });
  });
  const listening = Array.from({ length: workers }, () => new Promise<void>((resolve) => fork().once('listening', () => resolve())));
  try {
    await Promise.race([Promise.all(listening), failedStart]);
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    throw error;
  }
  started = true;
  ctx.out(`Mutualis écoute sur ${address} (${workers} processus)`);
  await untilStopSignal();
  stopping = true;
  const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(
    running.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
  return 0;
}
