import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type MutualisDb, migrateToLatest } from '@mutualis/db';
import { buildApp, loadConfig, loadDemo } from '@mutualis/server';

export interface TestServer {
  baseUrl: string;
  /** A demo member buyer: their e-mail and organization. */
  memberBuyer: { email: string; organizationId: string };
  /** The server's database, for a flow that needs data the demo lacks (written before the first page is read). */
  database: MutualisDb;
  stop: () => Promise<void>;
}

/**
 * The real server in-process on a free port: a fresh SQLite database migrated and loaded with
 * the demo territories, serving the web bundle from `webDistDir` (same origin as the API).
 */
export async function startTestServer(webDistDir: string): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mutualis-e2e-'));
  const database = await createDatabase(`sqlite:${join(dataDir, 'e2e.db')}`);
  await migrateToLatest(database);
  await loadDemo(database);
  const config = loadConfig({ LOG_LEVEL: 'silent', COOKIE_SECURE: 'never', WEB_DIST_DIR: webDistDir });
  const app = await buildApp({ database, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server did not listen on a TCP port');

  // The demo member buyer with the longest census, read from the database so the test follows the demo data.
  const member = await database.db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .innerJoin('needs', 'needs.organization_id', 'user_roles.organization_id')
    .select(['users.email', 'user_roles.organization_id', (eb) => eb.fn.countAll<number>().as('needs_count')])
    .where('user_roles.role', '=', 'member')
    .groupBy(['users.email', 'user_roles.organization_id'])
    .orderBy('needs_count', 'desc')
    .orderBy('users.email')
    .executeTakeFirstOrThrow();

  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    memberBuyer: { email: member.email, organizationId: member.organization_id ?? '' },
    database,
    stop: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
