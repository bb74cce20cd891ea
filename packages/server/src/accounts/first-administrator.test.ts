import { SESSION_COOKIE } from '@mutualis/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/test/dialects';
import { buildApp } from '../app/build-app';
import { loadConfig } from '../config/load-config';
import { clientFor } from '../../test/test-app';
import { tokenOf } from '../../test/setup-helpers';
import { prepareFirstAdministratorLink } from './first-administrator';

forEachDialect('the first administrator of a fresh instance', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: db.m, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  });
  afterAll(async () => {
    await app.close();
  });
  const anonymous = () =>
    clientFor(
      () => app,
      () => undefined,
    );

  it('is created from the one-time link printed at start, which then dies, and no other link is printed', async () => {
    const first = await prepareFirstAdministratorLink({ database: db.m, sessionSecret: null, baseUrl: 'https://mutualis.exemple.fr' });
    expect(first?.url).toMatch(/^https:\/\/mutualis\.exemple\.fr\/installation#jeton=[A-Za-z0-9_-]{43}$/);
    // A restart prints a new link and ends the previous one.
    const second = await prepareFirstAdministratorLink({ database: db.m, sessionSecret: null, baseUrl: 'https://mutualis.exemple.fr' });
    const body = { email: 'admin@territoire.fr', name: 'Alix Admin', password: 'une phrase de passe longue' };
    expect((await anonymous().post('/api/setup/administrator', { ...body, token: tokenOf(first?.url) })).statusCode).toBe(400);
    const info = await anonymous().post('/api/auth/links/inspect', { token: tokenOf(second?.url) });
    expect(info.json()).toMatchObject({ purpose: 'setup', email: null });

    const created = await anonymous().post('/api/setup/administrator', { ...body, token: tokenOf(second?.url) });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ user: { email: 'admin@territoire.fr', isAdmin: true }, roles: [] });
    expect(created.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);
    expect((await anonymous().post('/api/setup/administrator', { ...body, token: tokenOf(second?.url) })).statusCode).toBe(400);
    expect(await prepareFirstAdministratorLink({ database: db.m, sessionSecret: null, baseUrl: 'http://localhost:3000' })).toBeNull();
    // A set-up link cannot set the password of an account.
    expect((await anonymous().post('/api/auth/password', { token: tokenOf(second?.url), password: body.password })).statusCode).toBe(400);
  });
});
