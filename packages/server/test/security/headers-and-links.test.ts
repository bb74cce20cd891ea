import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES_PER_IP } from '../../src/auth/login-rate-limiter';
import type { MailMessage } from '../../src/mail';
import { type AppTestContext, describeApp, type Persona, TEST_PASSWORD } from '../test-app';

const PUBLIC_URL = 'https://mutualis.example.fr/achats';

async function publishForecast(t: AppTestContext) {
  const published = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/forecast`, {
    opportunityId: 'famille:fam-salt@territoire',
    launchDate: '2027-03-01',
    startDate: '2027-09-01',
    title: 'Sel de déneigement',
  });
  if (published.statusCode !== 201) throw new Error(`forecast not published: ${published.body}`);
  return published.json<{ id: string }>().id;
}

describeApp(
  'headers and absolute links',
  (t) => {
    const slug = () => t.world.territoryA.slug;

    it.each<[Persona, string, () => string]>([
      ['facilitator', '/api/auth/me', () => '/api/auth/me'],
      ['facilitator', '/api/needs?territory=:slug', () => `/api/needs?territory=${slug()}`],
      ['member', '/api/needs/:own-need', () => `/api/needs/${t.world.needA1.id}`],
      ['facilitator', '/api/territories/:slug/needs.csv', () => `/api/territories/${slug()}/needs.csv`],
      ['facilitator', '/api/territories/:slug/needs.xlsx', () => `/api/territories/${slug()}/needs.xlsx`],
      ['facilitator', '/api/territories/:slug/opportunities.xlsx', () => `/api/territories/${slug()}/opportunities.xlsx`],
      ['facilitator', '/api/territories/:slug/census/template.xlsx', () => `/api/territories/${slug()}/census/template.xlsx`],
      ['supplier', '/api/territories/:slug/ocds.json', () => `/api/territories/${slug()}/ocds.json`],
      ['member', '/api/needs/:other-need', () => `/api/needs/${t.world.needA2.id}`],
      ['anonymous', '/api/auth/me', () => '/api/auth/me'],
      ['anonymous', '/api/public/territories/:slug/forecast.ics', () => `/api/public/territories/${slug()}/forecast.ics`],
    ])('answers %s on %s with Cache-Control: no-store', async (persona, _label, url) => {
      const response = await t.as(persona).get(url());
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('writes the calendar’s event URL and UID from the configured public URL, whatever the Host header says', async () => {
      const id = await publishForecast(t);
      const ics = await t.as('anonymous').request('GET', `/api/public/territories/${slug()}/forecast.ics`, undefined, {
        host: 'attaquant.example',
      });
      const unfolded = ics.body.replace(/\r\n /g, '');
      expect(unfolded).toContain(`URL:${PUBLIC_URL}/public/${slug()}/previsions\r\n`);
      expect(unfolded).toContain(`UID:${id}@mutualis.example.fr\r\n`);
      expect(ics.body).not.toContain('attaquant');
    });

    it(`locks one IP trying many accounts after ${LOGIN_MAX_FAILURES_PER_IP} failures, even for a right password; other IPs log in`, async () => {
      const login = (email: string, password: string, ip: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: ip,
          headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
          payload: { email, password },
        });
      for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i += 1) {
        expect((await login(`inconnu${i}@example.fr`, 'devine', '203.0.113.99')).statusCode).toBe(401);
      }
      const locked = await login(t.world.emails.observer, TEST_PASSWORD, '203.0.113.99');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login(t.world.emails.observer, TEST_PASSWORD, '203.0.113.100')).statusCode).toBe(200);
    });
  },
  { sqliteOnly: true, env: { PUBLIC_URL } },
);

const sentMail: MailMessage[] = [];

describeApp(
  'one-time links without PUBLIC_URL',
  (t) => {
    /** The link of the last e-mail sent to `to`. */
    const mailedLink = (to: string) =>
      /(\S+#jeton=[A-Za-z0-9_-]{43})/.exec(sentMail.filter((m) => m.to === to).at(-1)?.text ?? '')?.[1] ?? null;

    it('e-mails a password-reset link to http://localhost:<PORT>, never to the Host header of the request', async () => {
      const asked = await t
        .as('anonymous')
        .request('POST', '/api/auth/password-reset', { email: t.world.emails.observer }, { host: 'attaquant.example' });
      expect(asked.statusCode, asked.body).toBe(200);
      expect(mailedLink(t.world.emails.observer)).toMatch(/^http:\/\/localhost:4321\/mot-de-passe#jeton=/);
    });

    it('e-mails an invitation to http://localhost:<PORT>, never to the Host header of the request', async () => {
      const email = 'invitee.host@example.fr';
      const invited = await t
        .as('admin')
        .request(
          'POST',
          `/api/admin/territories/${t.world.territoryA.slug}/facilitators`,
          { email, name: 'Invitée Hôte' },
          { host: 'attaquant.example' },
        );
      expect(invited.statusCode, invited.body).toBe(201);
      expect(mailedLink(email)).toMatch(/^http:\/\/localhost:4321\/mot-de-passe#jeton=/);
    });
  },
  { sqliteOnly: true, env: { PORT: '4321' }, mailer: { send: async (message) => void sentMail.push(message) } },
);
