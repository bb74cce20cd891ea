import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE, SESSION_COOKIE } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import { describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES } from '../../src/auth/login-rate-limiter';
import { loadConfig } from '../../src/config/load-config';
import { describeApp, logIn, TEST_PASSWORD } from '../test-app';

const ROOT = join(import.meta.dirname, '../../../..');
const BODY_LIMIT = 4096;

function login(t: { app: import('fastify').FastifyInstance }, email: string, password: string, ip = '203.0.113.7') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
    payload: { email, password },
  });
}

describeApp(
  'request limits and login throttling',
  (t) => {
    it('answers 413 payload_too_large, in the error shape, to a body over BODY_LIMIT_BYTES', async () => {
      const response = await t.as('facilitator').post('/api/needs', { organizationId: t.world.buyerA1.id, label: 'x'.repeat(BODY_LIMIT) });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({ code: 'payload_too_large', message: expect.any(String), details: {} });
    });

    it('answers 413 before authentication, so an anonymous flood is not parsed', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE, 'content-type': 'application/json' },
        payload: `{"email":"${'a'.repeat(BODY_LIMIT * 2)}"}`,
      });
      expect(response.statusCode).toBe(413);
    });

    it(`locks an e-mail after ${LOGIN_MAX_FAILURES} failures from one IP with 429 and Retry-After, even with the right password`, async () => {
      const email = t.world.emails.observer;
      for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) expect((await login(t, email, 'mauvais')).statusCode).toBe(401);
      const locked = await login(t, email, TEST_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    });

    it('keeps the lock to that e-mail and IP: the user logs in from elsewhere', async () => {
      const email = t.world.emails.supplier;
      for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) await login(t, email, 'mauvais', '198.51.100.1');
      expect((await login(t, email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(429);
      expect((await login(t, email, TEST_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    });

    it('answers an unknown account like a wrong password (no account enumeration)', async () => {
      const unknown = await login(t, 'personne@example.org', 'mauvais', '192.0.2.50');
      const wrong = await login(t, t.world.emails.member, 'mauvais', '192.0.2.50');
      expect([unknown.statusCode, unknown.json()]).toEqual([wrong.statusCode, wrong.json()]);
    });

    it('ends the session on logout: the old cookie no longer authenticates', async () => {
      const cookie = await logIn(t.app, t.world.emails.facilitator);
      const headers = { [CLIENT_HEADER]: CLIENT_HEADER_VALUE };
      const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers, cookies: { [SESSION_COOKIE]: cookie } });
      expect(logout.statusCode).toBe(200);
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie } });
      expect(me.statusCode).toBe(401);
    });
  },
  { sqliteOnly: true, env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } },
);

describe('secrets come only from the environment', () => {
  it('has no session secret by default', () => {
    expect(loadConfig({}).sessionSecret).toBeNull();
  });

  it.each([
    ['too short', 'abc123'],
    ['one repeated character', 'a'.repeat(64)],
    ['a repeated word', 'secret'.repeat(8)],
  ])('refuses a %s SESSION_SECRET', (_label, secret) => {
    let error: unknown;
    try {
      loadConfig({ SESSION_SECRET: secret });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details?.issues?.map((i) => i.field)).toEqual(['SESSION_SECRET']);
  });

  it('accepts a generated one', () => {
    const secret = 'q3Vx9-LpZ0aR7tYw2sNcK8mJfH4eBdU6_gTo1iEy';
    expect(loadConfig({ SESSION_SECRET: secret }).sessionSecret).toBe(secret);
  });

  it('commits no secret value: no tracked file assigns SESSION_SECRET', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /(^|\/)\.env|\.(ts|mjs|json|sh|md|ya?ml)$/.test(f) && !f.includes('node_modules'));
    const assigning = files.filter((f) => /SESSION_SECRET\s*[=:]\s*['"]?[A-Za-z0-9+/_-]{8,}/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(assigning).toEqual([]);
  });
});
