import { SESSION_COOKIE } from '@mutualis/contract';
import { describe, expect, it } from 'vitest';
import { addAccount, addLink, tokenOf, uniqueEmail } from '../../../test/setup-helpers';
import { clientFor, describeApp, fieldsOf, logIn, TEST_PASSWORD } from '../../../test/test-app';

const NEW_PASSWORD = 'une phrase de passe longue';

describeApp('accounts: administrators, facilitators, invitations and passwords (no e-mail)', (t) => {
  describe('instance administrator', () => {
    it('creates a territory, refuses a malformed or taken short name, and is the only one who may', async () => {
      const slug = `pays-basque-${t.dialect}`;
      const created = await t.as('admin').post('/api/admin/territories', { name: 'Pays basque', slug, poolingScope: 'departement' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ slug, name: 'Pays basque', poolingScope: { kind: 'departement' }, isDemo: false });

      const taken = await t.as('admin').post('/api/admin/territories', { name: 'Autre', slug });
      expect(taken.statusCode).toBe(409);
      expect(fieldsOf(taken)).toEqual(['slug']);
      const malformed = await t.as('admin').post('/api/admin/territories', { name: 'Côte', slug: 'Côte d’Or' });
      expect(malformed.statusCode).toBe(400);
      expect(fieldsOf(malformed)).toEqual(['slug']);
      expect((await t.as('facilitator').post('/api/admin/territories', { name: 'Xaintrie', slug: `x-${t.dialect}` })).statusCode).toBe(403);
    });

    it('invites a facilitator who chooses a password from the link, then signs in', async () => {
      const slug = `charente-limousine-${t.dialect}`;
      await t.as('admin').post('/api/admin/territories', { name: 'Charente limousine', slug });
      const email = uniqueEmail('animatrice');
      const invited = await t.as('admin').post(`/api/admin/territories/${slug}/facilitators`, { email, name: 'Nadia Animatrice' });
      expect(invited.statusCode, invited.body).toBe(201);
      const body = invited.json();
      // No e-mail configured: the link is handed back to be passed on, valid one week.
      expect(body).toMatchObject({ created: true, link: { purpose: 'invitation', emailed: false, emailError: null } });
      expect(body.link.url).toMatch(/^http:\/\/localhost(:\d+)?\/mot-de-passe#jeton=[A-Za-z0-9_-]{43}$/);
      expect(body.account).toMatchObject({ email, hasPassword: false, roles: [{ role: 'facilitator', territorySlug: slug }] });

      const listed = await t.as('admin').get('/api/admin/territories');
      const territory = listed.json().items.find((i: { slug: string }) => i.slug === slug);
      expect(territory.facilitators.map((f: { email: string; hasPassword: boolean }) => [f.email, f.hasPassword])).toEqual([
        [email, false],
      ]);
      expect(listed.json().administrators.map((a: { email: string }) => a.email)).toContain(t.world.emails.admin);

      // Before the password is chosen, no password can open the account.
      expect((await t.as('anonymous').post('/api/auth/login', { email, password: '' })).statusCode).toBe(400);
      expect((await t.as('anonymous').post('/api/auth/login', { email, password: 'nimporte quoi' })).statusCode).toBe(401);

      const token = tokenOf(body.link.url);
      const info = await t.as('anonymous').post('/api/auth/links/inspect', { token });
      expect(info.json()).toMatchObject({ purpose: 'invitation', email, name: 'Nadia Animatrice' });
      const chosen = await t.as('anonymous').post('/api/auth/password', { token, password: NEW_PASSWORD });
      expect(chosen.statusCode, chosen.body).toBe(200);
      expect(chosen.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);
      expect(chosen.json().roles).toMatchObject([{ role: 'facilitator', territorySlug: slug }]);
      // The link worked once.
      const again = await t.as('anonymous').post('/api/auth/password', { token, password: NEW_PASSWORD });
      expect(again.statusCode).toBe(400);
      expect(fieldsOf(again)).toEqual(['token']);
      expect(await logIn(t.app, email, NEW_PASSWORD)).toBeTruthy();
    });

    it('refuses a facilitator invitation with a bad address, to an unknown territory, and to non-administrators', async () => {
      const bad = await t
        .as('admin')
        .post(`/api/admin/territories/${t.world.territoryA.slug}/facilitators`, { email: 'pas-une-adresse', name: 'X Y' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['email']);
      const unknown = await t.as('admin').post('/api/admin/territories/nulle-part/facilitators', { email: uniqueEmail(), name: 'X Y' });
      expect(unknown.statusCode).toBe(404);
      const forbidden = await t.as('facilitator').post(`/api/admin/territories/${t.world.territoryA.slug}/facilitators`, {
        email: uniqueEmail(),
        name: 'X Y',
      });
      expect(forbidden.statusCode).toBe(403);
    });

    it('hands a new link for any account: a reset link once it has a password', async () => {
      const member = await addAccount(
        t.repos,
        [{ role: 'member', territoryId: t.world.territoryB.id, organizationId: t.world.buyerB1.id }],
        {
          passwordHash: 'x',
        },
      );
      const link = await t.as('admin').post(`/api/admin/users/${member.id}/link`, {});
      expect(link.json()).toMatchObject({ purpose: 'password_reset', emailed: false });
      expect((await t.as('admin').post('/api/admin/users/inconnu/link', {})).statusCode).toBe(404);
      expect((await t.as('otherFacilitator').post(`/api/admin/users/${member.id}/link`, {})).statusCode).toBe(403);
    });
  });

  describe('facilitator', () => {
    const territoryUrl = () => `/api/territories/${t.world.territoryA.slug}/users`;

    it('invites a buyer for an organization of its territory and sees it pending', async () => {
      const email = uniqueEmail('acheteur');
      const invited = await t.as('facilitator').post(territoryUrl(), {
        email,
        name: 'Paul Acheteur',
        role: 'member',
        organizationId: t.world.buyerA2.id,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      expect(invited.json().account.roles).toMatchObject([{ role: 'member', organizationId: t.world.buyerA2.id }]);
      const listed = await t.as('facilitator').get(territoryUrl());
      expect(listed.json().items.find((a: { email: string }) => a.email === email)).toMatchObject({ hasPassword: false });
    });

    it('gives an existing account a new role without a link', async () => {
      const invited = await t
        .as('facilitator')
        .post(territoryUrl(), { email: t.world.emails.otherFacilitator, name: 'Déjà inscrit', role: 'observer' });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toMatchObject({ created: false, link: null, notified: false });
      // The other territory's role stays out of this facilitator's sight.
      expect(invited.json().account.roles.map((r: { role: string }) => r.role)).toEqual(['observer']);
      const cookie = await logIn(t.app, t.world.emails.otherFacilitator);
      const me = await clientFor(
        () => t.app,
        () => cookie,
      ).get('/api/auth/me');
      expect(
        me
          .json()
          .roles.map((r: { role: string }) => r.role)
          .sort(),
      ).toEqual(['facilitator', 'observer']);
    });

    it('refuses roles that do not fit the organization, organizations of other territories, and members', async () => {
      const firmAsMember = await t
        .as('facilitator')
        .post(territoryUrl(), { email: uniqueEmail(), name: 'X Y', role: 'member', organizationId: t.world.firmA.id });
      expect(firmAsMember.statusCode).toBe(400);
      expect(fieldsOf(firmAsMember)).toEqual(['role']);
      const otherTerritory = await t.as('facilitator').post(territoryUrl(), {
        email: uniqueEmail(),
        name: 'X Y',
        role: 'member',
        organizationId: t.world.buyerB1.id,
      });
      expect(fieldsOf(otherTerritory)).toEqual(['organizationId']);
      const missing = await t.as('facilitator').post(territoryUrl(), { email: uniqueEmail(), name: 'X Y', role: 'supplier' });
      expect(fieldsOf(missing)).toEqual(['organizationId']);
      expect((await t.as('member').post(territoryUrl(), { email: uniqueEmail(), name: 'X Y', role: 'observer' })).statusCode).toBe(403);
    });

    it('hands a new link only for accounts whose every role it controls', async () => {
      const own = await addAccount(t.repos, [{ role: 'member', territoryId: t.world.territoryA.id, organizationId: t.world.buyerA1.id }]);
      const shared = await addAccount(
        t.repos,
        [
          { role: 'member', territoryId: t.world.territoryA.id, organizationId: t.world.buyerA1.id },
          { role: 'facilitator', territoryId: t.world.territoryB.id, organizationId: null },
        ],
        { passwordHash: 'x' },
      );
      expect((await t.as('facilitator').post(`${territoryUrl()}/${own.id}/link`, {})).json()).toMatchObject({ purpose: 'invitation' });
      const refused = await t.as('facilitator').post(`${territoryUrl()}/${shared.id}/link`, {});
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toContain('accès que vous ne gérez pas');
      const stranger = await addAccount(t.repos, [{ role: 'observer', territoryId: t.world.territoryB.id, organizationId: null }]);
      expect((await t.as('facilitator').post(`${territoryUrl()}/${stranger.id}/link`, {})).statusCode).toBe(404);
    });

    it('removes an account from its territory, never itself', async () => {
      const leaving = await addAccount(t.repos, [{ role: 'observer', territoryId: t.world.territoryA.id, organizationId: null }]);
      expect((await t.as('facilitator').delete(`${territoryUrl()}/${leaving.id}`)).statusCode).toBe(204);
      expect(await t.repos.users.listRoles(leaving.id)).toEqual([]);
      const me = (await t.as('facilitator').get('/api/auth/me')).json().user.id;
      const self = await t.as('facilitator').delete(`${territoryUrl()}/${me}`);
      expect(self.statusCode).toBe(400);
      expect(fieldsOf(self)).toEqual(['userId']);
      expect((await t.as('observer').delete(`${territoryUrl()}/${leaving.id}`)).statusCode).toBe(403);
    });
  });

  describe('member buyer', () => {
    const organizationUrl = () => `/api/organizations/${t.world.buyerA1.id}/users`;

    it('invites a colleague, lists and removes the organization’s accounts', async () => {
      const email = uniqueEmail('collegue');
      const invited = await t.as('member').post(organizationUrl(), { email, name: 'Léa Collègue' });
      expect(invited.statusCode, invited.body).toBe(201);
      expect(invited.json().account.roles).toMatchObject([
        { role: 'member', organizationId: t.world.buyerA1.id, territorySlug: t.world.territoryA.slug },
      ]);
      expect(invited.json().link).toMatchObject({ purpose: 'invitation', emailed: false });
      const listed = (await t.as('member').get(organizationUrl())).json().items.map((a: { email: string }) => a.email);
      expect(listed).toEqual(expect.arrayContaining([email, t.world.emails.member]));
      const colleague = (await t.repos.users.getByEmail(email))?.id;
      expect((await t.as('member').post(`${organizationUrl()}/${colleague}/link`, {})).statusCode).toBe(200);
      expect((await t.as('member').delete(`${organizationUrl()}/${colleague}`)).statusCode).toBe(204);
      expect((await t.as('member').get(organizationUrl())).json().items.map((a: { email: string }) => a.email)).not.toContain(email);
    });

    it('refuses a bad address, its own removal, and another organization’s accounts', async () => {
      const bad = await t.as('member').post(organizationUrl(), { email: 'x', name: 'Léa Collègue' });
      expect(fieldsOf(bad)).toEqual(['email']);
      const me = (await t.as('member').get('/api/auth/me')).json().user.id;
      expect((await t.as('member').delete(`${organizationUrl()}/${me}`)).statusCode).toBe(400);
      expect((await t.as('member').get(`/api/organizations/${t.world.buyerA2.id}/users`)).statusCode).toBe(403);
      expect((await t.as('supplier').post(organizationUrl(), { email: uniqueEmail(), name: 'X Y' })).statusCode).toBe(403);
    });
  });

  describe('one-time links', () => {
    it('refuses a short password, the address as password, and a link used up, expired or unknown', async () => {
      const user = await addAccount(t.repos, [{ role: 'observer', territoryId: t.world.territoryA.id, organizationId: null }]);
      const token = await addLink(t.repos, user.id, 'invitation');
      const short = await t.as('anonymous').post('/api/auth/password', { token, password: 'court' });
      expect(fieldsOf(short)).toEqual(['password']);
      const asEmail = await t.as('anonymous').post('/api/auth/password', { token, password: user.email.toUpperCase() });
      expect(fieldsOf(asEmail)).toEqual(['password']);
      const expired = await addLink(t.repos, user.id, 'password_reset', new Date(Date.now() - 2 * 3_600_000));
      expect(fieldsOf(await t.as('anonymous').post('/api/auth/password', { token: expired, password: NEW_PASSWORD }))).toEqual(['token']);
      const unknown = 'A'.repeat(43);
      expect(fieldsOf(await t.as('anonymous').post('/api/auth/links/inspect', { token: unknown }))).toEqual(['token']);
      expect(fieldsOf(await t.as('anonymous').post('/api/auth/links/inspect', { token: 'trop court' }))).toEqual(['token']);
      // The first link still works (an expired sibling does not end it).
      expect((await t.as('anonymous').post('/api/auth/password', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    });

    it('ends the other sessions of an account whose password is reset', async () => {
      const user = await addAccount(t.repos, [{ role: 'observer', territoryId: t.world.territoryA.id, organizationId: null }], {
        passwordHash: (await t.repos.users.getByEmail(t.world.emails.observer))?.passwordHash ?? '',
      });
      const cookie = await logIn(t.app, user.email, TEST_PASSWORD);
      const token = await addLink(t.repos, user.id, 'password_reset');
      expect((await t.as('anonymous').post('/api/auth/password', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
      expect(
        (
          await clientFor(
            () => t.app,
            () => cookie,
          ).get('/api/auth/me')
        ).statusCode,
      ).toBe(401);
    });

    it('answers a forgotten password without e-mail by pointing to the facilitator', async () => {
      const answer = await t.as('anonymous').post('/api/auth/password-reset', { email: t.world.emails.member });
      expect(answer.json()).toMatchObject({ emailConfigured: false });
      expect(answer.json().message).toContain('animateur');
      expect(fieldsOf(await t.as('anonymous').post('/api/auth/password-reset', { email: 'x' }))).toEqual(['email']);
    });

    it('refuses the set-up of a second administrator', async () => {
      const token = await addLink(t.repos, null, 'setup');
      const second = await t.as('anonymous').post('/api/setup/administrator', {
        token,
        email: uniqueEmail('admin'),
        name: 'Alix Admin',
        password: NEW_PASSWORD,
      });
      expect(second.statusCode).toBe(409);
      expect(
        fieldsOf(await t.as('anonymous').post('/api/setup/administrator', { token, email: 'x', name: 'A', password: 'b' })).sort(),
      ).toEqual(['email', 'name', 'password']);
    });
  });
});
