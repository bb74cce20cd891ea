import { expect, it } from 'vitest';
import { buildOrganization, buildSupplierProfile, buildTerritory, buildUser, forEachDialect, uniqueSiret } from './dialects';
import { domainErrorOf } from './domain-error-of';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.UTC(2026, 11, 6, 12) + ms).toISOString();

forEachDialect('territory set-up repositories', (t) => {
  it('lists a territory’s accounts with their roles there, an invited one without password', async () => {
    const territory = await t.repos.territories.insert(buildTerritory({ name: 'Pays basque' }));
    const other = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization({ name: 'Ville de Bayonne' }));
    const active = await t.repos.users.insert(buildUser({ name: 'Anne Active' }));
    const invited = await t.repos.users.insert(buildUser({ name: 'Bruno Invité', passwordHash: '' }));
    await t.repos.users.addRole({ userId: active.id, role: 'facilitator', territoryId: territory.id, organizationId: null });
    await t.repos.users.addRole({ userId: active.id, role: 'observer', territoryId: other.id, organizationId: null });
    await t.repos.users.addRole({ userId: invited.id, role: 'member', territoryId: territory.id, organizationId: org.id });

    const accounts = await t.repos.users.listForTerritory(territory.id);
    expect(accounts.map((a) => [a.name, a.hasPassword, a.roles.map((r) => r.role)])).toEqual([
      ['Anne Active', true, ['facilitator']],
      ['Bruno Invité', false, ['member']],
    ]);
    expect(accounts[0]).not.toHaveProperty('passwordHash');
    expect((await t.repos.users.listForOrganization(org.id)).map((a) => a.id)).toEqual([invited.id]);
    expect((await t.repos.users.listAccounts({ userIds: [active.id] }))[0]?.roles.map((r) => r.role).sort()).toEqual([
      'facilitator',
      'observer',
    ]);
    expect(await t.repos.users.removeOrganizationRoles({ userId: invited.id, organizationId: org.id, territoryIds: [territory.id] })).toBe(
      1,
    );
    expect(await t.repos.users.listForOrganization(org.id)).toEqual([]);
  });

  it('counts and lists administrators', async () => {
    const before = await t.repos.users.countAdmins();
    const admin = await t.repos.users.insert(buildUser({ isAdmin: true }));
    expect(admin.isAdmin).toBe(true);
    expect((await t.repos.users.insert(buildUser())).isAdmin).toBe(false);
    expect(await t.repos.users.countAdmins()).toBe(before + 1);
    expect((await t.repos.users.listAdmins()).map((a) => a.id)).toContain(admin.id);
  });

  it('uses a one-time link once, and never after it expired or was replaced', async () => {
    const user = await t.repos.users.insert(buildUser({ passwordHash: '' }));
    const link = { purpose: 'invitation' as const, userId: user.id, createdBy: null, createdAt: at(0), expiresAt: at(72 * HOUR) };
    await t.repos.authTokens.insert({ ...link, tokenHash: `a-${user.id}` });
    expect((await t.repos.authTokens.getUsable(`a-${user.id}`, at(HOUR)))?.userId).toBe(user.id);
    expect(await t.repos.authTokens.getUsable(`a-${user.id}`, at(72 * HOUR))).toBeUndefined();
    expect((await t.repos.authTokens.consume(`a-${user.id}`, at(HOUR)))?.usedAt).toBe(at(HOUR));
    expect(await t.repos.authTokens.consume(`a-${user.id}`, at(2 * HOUR))).toBeUndefined();

    await t.repos.authTokens.insert({ ...link, tokenHash: `b-${user.id}` });
    expect(await t.repos.authTokens.revokeForUser(user.id, ['invitation', 'password_reset'], at(HOUR))).toBe(1);
    expect(await t.repos.authTokens.consume(`b-${user.id}`, at(2 * HOUR))).toBeUndefined();

    await t.repos.authTokens.insert({ ...link, tokenHash: `c-${user.id}`, expiresAt: at(HOUR) });
    expect(await t.repos.authTokens.consume(`c-${user.id}`, at(HOUR))).toBeUndefined();
  });

  it('hands a link to exactly one of two simultaneous uses', async () => {
    const user = await t.repos.users.insert(buildUser({ passwordHash: '' }));
    const tokenHash = `race-${user.id}`;
    await t.repos.authTokens.insert({
      tokenHash,
      purpose: 'password_reset',
      userId: user.id,
      createdBy: null,
      createdAt: at(0),
      expiresAt: at(HOUR),
    });
    const uses = await Promise.all([t.repos.authTokens.consume(tokenHash, at(1)), t.repos.authTokens.consume(tokenHash, at(2))]);
    expect(uses.filter((u) => u !== undefined)).toHaveLength(1);
  });

  it('keeps one open census campaign current, its answers and reminders', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization());
    const campaigns = t.repos.censusCampaigns;
    expect(await campaigns.getCurrent(territory.id)).toBeUndefined();
    const fields = { territoryId: territory.id, title: 'Recensement 2027', message: '', familyIds: ['fam-salt'], openedBy: null };
    const old = await campaigns.insert({ ...fields, deadline: '2026-01-31', openedAt: at(-1000 * HOUR) });
    await campaigns.close(old.id, at(-500 * HOUR));
    const open = await campaigns.insert({ ...fields, deadline: '2027-01-31', openedAt: at(0) });
    expect(await campaigns.getCurrent(territory.id)).toEqual(open);

    await campaigns.addResponse({ campaignId: open.id, organizationId: org.id, answeredAt: at(HOUR), answeredBy: null });
    await campaigns.addResponse({ campaignId: open.id, organizationId: org.id, answeredAt: at(2 * HOUR), answeredBy: null });
    expect((await campaigns.listResponses(open.id)).map((r) => r.answeredAt)).toEqual([at(HOUR)]);
    expect(await campaigns.removeResponse(open.id, org.id)).toBe(true);
    expect(await campaigns.listResponses(open.id)).toEqual([]);

    await campaigns.addReminders([{ campaignId: open.id, organizationId: org.id, sentAt: at(3 * HOUR), sentBy: null, emailed: 2 }]);
    expect((await campaigns.listReminders(open.id)).map((r) => [r.organizationId, r.emailed])).toEqual([[org.id, 2]]);

    const closed = await campaigns.close(open.id, at(4 * HOUR));
    expect(closed?.closedAt).toBe(at(4 * HOUR));
    // Closed campaigns: the most recently opened one is current.
    expect((await campaigns.getCurrent(territory.id))?.id).toBe(open.id);
  });

  it('decides an account request once', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const decider = await t.repos.users.insert(buildUser());
    const request = await t.repos.accountRequests.insert({
      territoryId: territory.id,
      siret: uniqueSiret(),
      organizationName: 'Cirages du Sud',
      inseeCode: '64102',
      contactName: 'Jeanne Martin',
      email: ' Jeanne@Cirages.FR ',
      phone: '05 59 00 00 00',
      message: 'Nous fabriquons des cirages.',
      createdAt: at(0),
    });
    expect(request.email).toBe('jeanne@cirages.fr');
    expect(await t.repos.accountRequests.countPending(territory.id, { email: 'JEANNE@cirages.fr' })).toBe(1);
    const decision = {
      status: 'rejected' as const,
      decidedAt: at(HOUR),
      decidedBy: decider.id,
      decisionNote: 'Hors territoire',
      organizationId: null,
    };
    expect((await t.repos.accountRequests.decide(request.id, decision))?.status).toBe('rejected');
    expect(await t.repos.accountRequests.decide(request.id, { ...decision, status: 'approved' })).toBeUndefined();
    expect((await t.repos.accountRequests.listForTerritory(territory.id)).map((r) => r.status)).toEqual(['rejected']);
    expect(await t.repos.accountRequests.countPending(territory.id)).toBe(0);
  });

  it('stores a firm’s contact beside its profile, untouched by a profile update', async () => {
    const firm = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
    expect(await t.repos.supplierProfiles.setContact(firm.id, { name: 'A', email: 'a@b.fr', phone: '' })).toBe(false);
    await t.repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: firm.id }));
    expect(await t.repos.supplierProfiles.getContact(firm.id)).toEqual({ name: '', email: '', phone: '' });
    const contact = { name: 'Paul Durand', email: 'paul@firme.fr', phone: '03 88 00 00 00' };
    expect(await t.repos.supplierProfiles.setContact(firm.id, contact)).toBe(true);
    await t.repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: firm.id, description: 'Mise à jour' }));
    expect(await t.repos.supplierProfiles.getContact(firm.id)).toEqual(contact);
  });

  it('refuses a campaign answer for an unknown organization', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const campaign = await t.repos.censusCampaigns.insert({
      territoryId: territory.id,
      title: 'R',
      message: '',
      deadline: '2027-01-01',
      familyIds: [],
      openedAt: at(0),
      openedBy: null,
    });
    const error = await domainErrorOf(() =>
      t.repos.censusCampaigns.addResponse({ campaignId: campaign.id, organizationId: 'inconnue', answeredAt: at(0), answeredBy: null }),
    );
    expect(error.code).toBe('validation_failed');
  });
});
