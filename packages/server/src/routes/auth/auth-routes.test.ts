import { SESSION_COOKIE } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { buildUser } from '../../../../db/test/dialects';
import { hashPassword } from '../../auth/password';
import { clientFor, describeApp, fieldsOf, logIn, TEST_PASSWORD } from '../../../test/test-app';

describeApp('auth routes', (t) => {
  it('opens a session with an httpOnly SameSite=Strict cookie and answers the user and roles', async () => {
    const response = await t
      .as('anonymous')
      .post('/api/auth/login', { email: t.world.emails.member.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.json().roles).toEqual([
      expect.objectContaining({ role: 'member', organizationId: t.world.buyerA1.id, territorySlug: t.world.territoryA.slug }),
    ]);
  });

  it('stores only a hash of the session token', async () => {
    const token = await logIn(t.app, t.world.emails.observer);
    expect(await t.repos.sessions.getValid(token, new Date().toISOString())).toBeUndefined();
  });

  it('stores passwords as argon2id hashes', async () => {
    expect(await hashPassword('secret')).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with 401 and a malformed e-mail with 400 naming the field', async () => {
    expect((await t.as('anonymous').post('/api/auth/login', { email: t.world.emails.member, password: 'faux' })).statusCode).toBe(401);
    const bad = await t.as('anonymous').post('/api/auth/login', { email: 'pas-un-email', password: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['email']);
  });

  it('answers /me for the logged-in caller and 401 without a session', async () => {
    expect((await t.as('facilitator').get('/api/auth/me')).json().user.email).toBe(t.world.emails.facilitator);
    expect((await t.as('anonymous').get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const token = await logIn(t.app, t.world.emails.supplier);
    const client = clientFor(
      () => t.app,
      () => token,
    );
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('locks an e-mail after five failed logins from one IP, even with the right password', async () => {
    const user = await t.repos.users.insert(buildUser({ passwordHash: await hashPassword(TEST_PASSWORD) }));
    for (let i = 0; i < 5; i += 1) {
      expect((await t.as('anonymous').post('/api/auth/login', { email: user.email, password: `faux-${i}` })).statusCode).toBe(401);
    }
    const locked = await t.as('anonymous').post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describeApp(
  'request guards',
  (t) => {
    it('refuses a non-GET request without the X-Mutualis-Client header (CSRF)', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: t.world.emails.member, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
      const patch = await t
        .as('facilitator')
        .request('PATCH', `/api/needs/${t.world.needA1.id}`, { label: 'x' }, { 'x-mutualis-client': 'evil' });
      expect(patch.statusCode).toBe(403);
    });

    it('answers 413 in the standard error shape for a body over the limit', async () => {
      const response = await t.as('facilitator').post('/api/needs', { organizationId: t.world.buyerA1.id, label: 'x'.repeat(3000) });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large', details: {} });
    });

    it('sends security headers with a CSP that allows only our own scripts', async () => {
      const response = await t.as('anonymous').get('/api/health');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers unknown API paths with a JSON 404', async () => {
      const response = await t.as('anonymous').get('/api/nope');
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });
  },
  { sqliteOnly: true, env: { BODY_LIMIT_BYTES: '2048' } },
);
