import { CLIENT_HEADER, CLIENT_HEADER_VALUE, SESSION_COOKIE } from '@mutualis/contract';
import { describe, expect, it } from 'vitest';
import { describeApp, logIn, TEST_PASSWORD } from '../test-app';

/** The directives of a Content-Security-Policy header, by name. */
function directivesOf(header: unknown): Map<string, string> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describeApp(
  'HTTP hardening',
  (t) => {
    describe('security headers', () => {
      it.each(['/api/health', '/api/auth/me', '/api/does-not-exist'])(
        'sends CSP, nosniff, frame and referrer headers on %s',
        async (url) => {
          const response = await t.as('facilitator').get(url);
          const csp = directivesOf(response.headers['content-security-policy']);
          expect(csp.get('default-src')).toBe("'self'");
          expect(csp.get('script-src')).toBe("'self'");
          expect(csp.get('object-src')).toBe("'none'");
          expect(csp.get('frame-ancestors')).toBe("'none'");
          expect(csp.get('form-action')).toBe("'self'");
          expect(response.headers['x-content-type-options']).toBe('nosniff');
          expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
          expect(response.headers['referrer-policy']).toBe('no-referrer');
          expect(response.headers['x-powered-by']).toBeUndefined();
        },
      );

      it.each(['/api/health', '/api/does-not-exist'])(
        'sends helmet’s other default headers on %s, the same on every request',
        async (url) => {
          // Helmet 8 defaults (helmetjs.github.io): HSTS one year (365 × 86 400 s) with subdomains, etc.
          const expected = {
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-resource-policy': 'same-origin',
            'origin-agent-cluster': '?1',
            'strict-transport-security': 'max-age=31536000; includeSubDomains',
            'x-dns-prefetch-control': 'off',
            'x-download-options': 'noopen',
            'x-permitted-cross-domain-policies': 'none',
            'x-xss-protection': '0',
          };
          for (let i = 0; i < 2; i += 1) {
            const response = await t.as('anonymous').get(url);
            expect(Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers[name]]))).toEqual(expected);
          }
        },
      );

      it('never allows a script from another origin or inline', async () => {
        const csp = directivesOf((await t.as('anonymous').get('/api/health')).headers['content-security-policy']);
        expect(csp.get('script-src')).not.toMatch(/unsafe-inline|unsafe-eval|\*|http/);
      });
    });

    describe('CSRF', () => {
      it('refuses a write without the X-Mutualis-Client header with 403, even with a valid session', async () => {
        const cookie = await logIn(t.app, t.world.emails.facilitator);
        const response = await t.app.inject({
          method: 'PATCH',
          url: `/api/needs/${t.world.needA1.id}`,
          cookies: { [SESSION_COOKIE]: cookie },
          payload: { label: 'détourné' },
        });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'forbidden' });
        expect((await t.repos.needs.getById(t.world.needA1.id))?.label).not.toBe('détourné');
      });

      it('refuses a cross-site HTML form POST (urlencoded, Origin of another site, no custom header)', async () => {
        const cookie = await logIn(t.app, t.world.emails.facilitator);
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/needs',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'https://evil.example',
            referer: 'https://evil.example/',
          },
          cookies: { [SESSION_COOKIE]: cookie },
          payload: `organizationId=${t.world.buyerA1.id}&cpvCode=30197630&label=forged`,
        });
        expect(response.statusCode).toBe(403);
        const forged = await t.repos.needs.list({ organizationId: t.world.buyerA1.id, q: 'forged' }, { limit: 10, offset: 0 });
        expect(forged.total).toBe(0);
      });

      it('refuses the header with another value', async () => {
        const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { [CLIENT_HEADER]: 'evil' } });
        expect(response.statusCode).toBe(403);
      });

      it('grants no CORS preflight, so the custom header cannot be sent cross-site', async () => {
        const response = await t.app.inject({
          method: 'OPTIONS',
          url: '/api/needs',
          headers: {
            origin: 'https://evil.example',
            'access-control-request-method': 'POST',
            'access-control-request-headers': CLIENT_HEADER,
          },
        });
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
        expect(response.headers['access-control-allow-headers']).toBeUndefined();
      });
    });

    describe('session cookie', () => {
      it('is HttpOnly, SameSite=Strict, path /, with an expiry, and not Secure over plain HTTP by default', async () => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
          payload: { email: t.world.emails.observer, password: TEST_PASSWORD },
        });
        const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
        expect(cookie?.expires).toBeInstanceOf(Date);
        expect(cookie?.secure).toBeUndefined();
        expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
      });

      it('does not authenticate a forged or tampered cookie', async () => {
        const cookie = await logIn(t.app, t.world.emails.observer);
        const tampered = `${cookie.slice(0, -2)}${cookie.endsWith('AA') ? 'BB' : 'AA'}`;
        const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: tampered } });
        expect(response.statusCode).toBe(401);
      });
    });
  },
  { sqliteOnly: true },
);

describeApp(
  'session cookie behind HTTPS (COOKIE_SECURE=always)',
  (t) => {
    it('carries the Secure flag', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
        payload: { email: t.world.emails.observer, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    });
  },
  { sqliteOnly: true, env: { COOKIE_SECURE: 'always' } },
);
