import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSED_DOMAIN, type SmtpTestServer, startSmtpTestServer } from '../../test/smtp-test-server';
import { uniqueSiret } from '../../../db/test/dialects';
import { addAccount, uniqueEmail } from '../../test/setup-helpers';
import { describeApp } from '../../test/test-app';

// Every e-mail path against a real SMTP server (smtp-server, in this process, with AUTH), not a mock.
let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp?.close();
});

/** The one link of an e-mail body. */
function linkIn(text: string): string {
  const link = /(https?:\/\/\S+#jeton=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no link in: ${text}`);
  return link;
}
const tokenIn = (text: string) => linkIn(text).split('#jeton=')[1] ?? '';

describeApp(
  'e-mails through a real SMTP relay',
  (t) => {
    describe('invitations', () => {
      it('e-mails the invitation link instead of showing it, and the link opens the account', async () => {
        const email = uniqueEmail('acheteuse');
        const invited = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/users`, {
          email,
          name: 'Sophie Acheteuse',
          role: 'member',
          organizationId: t.world.buyerA2.id,
        });
        expect(invited.json().link).toMatchObject({ purpose: 'invitation', emailed: true, url: null, emailError: null });
        const mail = await smtp.waitFor(email, /accès/);
        expect(mail.from).toBe('"Mutualis" <no-reply@mutualis.test>');
        expect(mail.subject).toBe('Votre accès à Mutualis');
        expect(mail.text).toContain('Bonjour Sophie Acheteuse');
        expect(mail.text).toContain(
          // World buyers are « Commune de … »: « pour la Commune de … ».
          `comme acheteur pour la ${t.world.buyerA2.name} (territoire ${t.world.territoryA.name})`,
        );
        // PUBLIC_URL makes the link point at the public address, not at the request's host.
        expect(linkIn(mail.text)).toMatch(/^https:\/\/mutualis\.territoire\.test\/mot-de-passe#jeton=/);
        const chosen = await t
          .as('anonymous')
          .post('/api/auth/password', { token: tokenIn(mail.text), password: 'une phrase de passe longue' });
        expect(chosen.statusCode).toBe(200);
      });

      it('hands the link back when the relay refuses the address', async () => {
        const invited = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/users`, {
          email: `x.${Date.now()}@${REFUSED_DOMAIN}`,
          name: 'Adresse Refusée',
          role: 'observer',
        });
        const link = invited.json().link;
        expect(link).toMatchObject({ emailed: false });
        expect(link.url).toMatch(/#jeton=/);
        expect(link.emailError).toContain('transmettez ce lien vous-même');
      });

      it('tells an account that already has a password of its new access', async () => {
        const invited = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/users`, {
          email: t.world.emails.otherFacilitator,
          name: 'Ignoré',
          role: 'observer',
        });
        expect(invited.json()).toMatchObject({ link: null, notified: true });
        const mail = await smtp.waitFor(t.world.emails.otherFacilitator, /Nouvel accès/);
        expect(mail.text).toContain(`comme observateur du territoire ${t.world.territoryA.name}`);
      });
    });

    describe('forgotten password', () => {
      it('e-mails a reset link once per five minutes, and says the same for an unknown address', async () => {
        const email = t.world.emails.observer;
        const answer = await t.as('anonymous').post('/api/auth/password-reset', { email });
        expect(answer.json()).toMatchObject({ emailConfigured: true });
        const unknown = await t.as('anonymous').post('/api/auth/password-reset', { email: uniqueEmail('inconnu') });
        expect(unknown.json()).toEqual(answer.json());
        const mail = await smtp.waitFor(email, /Réinitialisation/);
        const user = await t.repos.users.getByEmail(email);
        const first = await t.repos.authTokens.latestForUser(user?.id ?? '', 'password_reset');
        // A second request at once issues no new link (and so sends no second e-mail).
        await t.as('anonymous').post('/api/auth/password-reset', { email });
        expect((await t.repos.authTokens.latestForUser(user?.id ?? '', 'password_reset'))?.id).toBe(first?.id);
        const reset = await t
          .as('anonymous')
          .post('/api/auth/password', { token: tokenIn(mail.text), password: 'un tout nouveau mot de passe' });
        expect(reset.statusCode).toBe(200);
      });

      it('sends a fresh invitation to an account never activated', async () => {
        const pending = await addAccount(t.repos, [{ role: 'observer', territoryId: t.world.territoryA.id, organizationId: null }]);
        await t.as('anonymous').post('/api/auth/password-reset', { email: pending.email });
        const mail = await smtp.waitFor(pending.email, /accès/);
        expect(mail.text).toContain('pour activer votre compte');
      });
    });

    describe('census campaign', () => {
      it('tells every member buyer when a campaign opens, and reminds those who have not answered', async () => {
        const colleague = await addAccount(t.repos, [
          { role: 'member', territoryId: t.world.territoryA.id, organizationId: t.world.buyerA2.id },
        ]);
        const opened = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/census-campaigns`, {
          title: 'Recensement 2027',
          deadline: '2099-01-31',
          familyIds: ['fam-salt'],
          message: 'Pensez aux contrats en cours.',
        });
        expect(opened.statusCode, opened.body).toBe(201);
        // Each member buyer's account told once: the world's member of A1, and for A2 Sophie (invited above) and the colleague.
        expect(opened.json().emailed).toBe(3);
        const notice = await smtp.waitFor(colleague.email, /Recensement des besoins/);
        expect(notice.text).toContain('Familles d’achat concernées : Sel de déneigement.');
        expect(notice.text).toContain('Message de l’animateur :\nPensez aux contrats en cours.');
        expect(notice.text).toContain('avant le 31 janvier 2099');

        await t
          .as('member')
          .post(`/api/territories/${t.world.territoryA.slug}/census-campaign/responses`, { organizationId: t.world.buyerA1.id });
        const reminded = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/census-campaign/reminders`, {});
        // A1 answered: only A2 is reminded, through its two accounts.
        expect(reminded.json()).toEqual({ reminded: 1, emailed: 2 });
        const reminder = await smtp.waitFor(colleague.email, /Rappel/);
        expect(reminder.text).toContain(`attend encore la réponse de la ${t.world.buyerA2.name}`);
      });
    });

    describe('firms’ requests', () => {
      it('e-mails the invitation to an approved firm, and the refusal to a rejected one', async () => {
        const requests = `/api/public/territories/${t.world.territoryA.slug}/account-requests`;
        const approvedEmail = uniqueEmail('approuvee');
        const rejectedEmail = uniqueEmail('refusee');
        const base = { organizationName: 'Verrerie du Ried', inseeCode: '67482', contactName: 'Marc Verrier' };
        const sent = await t.as('anonymous').post(requests, { ...base, siret: uniqueSiret(), email: approvedEmail });
        expect(sent.json().message).toContain('Vous recevrez par e-mail le lien');
        await t.as('anonymous').post(requests, { ...base, siret: uniqueSiret(), email: rejectedEmail });
        const listed = (await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/account-requests`)).json().items;
        const idOf = (email: string) => listed.find((r: { email: string }) => r.email === email).id;
        const decisions = `/api/territories/${t.world.territoryA.slug}/account-requests`;
        const approved = await t.as('facilitator').post(`${decisions}/${idOf(approvedEmail)}/decision`, { decision: 'approve' });
        expect(approved.json().link).toMatchObject({ emailed: true, url: null });
        expect((await smtp.waitFor(approvedEmail, /accès/)).text).toContain('pour l’entreprise Verrerie du Ried');
        await t.as('facilitator').post(`${decisions}/${idOf(rejectedEmail)}/decision`, { decision: 'reject', note: 'Hors du territoire' });
        expect((await smtp.waitFor(rejectedEmail, /demande/)).text).toContain('Motif : Hors du territoire');
      });
    });
  },
  {
    env: {
      get SMTP_URL() {
        return smtp.url;
      },
      MAIL_FROM: 'Mutualis <no-reply@mutualis.test>',
      PUBLIC_URL: 'https://mutualis.territoire.test',
    } as Record<string, string>,
  },
);
