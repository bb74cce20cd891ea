import { createDatabase, type MutualisDb } from '@mutualis/db';
import Sqlite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPV, openTestDatabase, type TestDatabase, testDialects } from '../../../db/test/dialects';
import { buildApp } from '../../src/app/build-app';
import { loadConfig } from '../../src/config/load-config';
import { buildWorld, clientFor, logIn, type World } from '../test-app';

if (testDialects().includes('sqlite')) {
  describe('the server while another process holds the SQLite write lock [sqlite]', () => {
    let t: TestDatabase;
    let m: MutualisDb;
    let app: FastifyInstance;
    let world: World;
    let cookie: string;
    beforeAll(async () => {
      t = await openTestDatabase('sqlite');
      world = await buildWorld(t.repos);
      // The server's settings (SERVER_DATABASE_OPTIONS) with a shorter total wait, to keep the test quick.
      m = await createDatabase(t.url, { busyTimeoutMs: 0, busyWaitMs: 300 });
      app = await buildApp({ database: m, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
      cookie = await logIn(app, world.emails.facilitator);
    });
    afterAll(async () => {
      await app.close();
      await m.close();
      await t.dispose();
    });

    it('answers 503 « base occupée, réessayez » with Retry-After past the wait, then writes once the lock is free', async () => {
      const client = clientFor(
        () => app,
        () => cookie,
      );
      const body = { organizationId: world.buyerA1.id, cpvCode: CPV.paper, label: 'Ramettes', annualAmountCents: 50_000 };
      const importer = new Sqlite(t.url.slice('sqlite:'.length));
      try {
        importer.exec('BEGIN IMMEDIATE');
        const busy = await client.post('/api/needs', body);
        expect(busy.statusCode).toBe(503);
        expect(busy.json()).toMatchObject({ code: 'unavailable', details: { reason: 'busy' } });
        expect(busy.json().message).toBe(
          'Base de données occupée par une autre écriture (un import en cours ?) : réessayez dans quelques instants.',
        );
        expect(busy.headers['retry-after']).toBe('5');
        // Reads go on meanwhile (WAL: a writer blocks no reader).
        expect((await client.get(`/api/needs?territory=${world.territoryA.slug}`)).statusCode).toBe(200);
        importer.exec('COMMIT');
        expect((await client.post('/api/needs', body)).statusCode).toBe(201);
      } finally {
        importer.close();
      }
    });
  });
}
