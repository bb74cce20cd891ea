import { expect, it } from 'vitest';
import { uniqueSiret } from '../../../../db/test/dialects';
import { tokenOf, uniqueEmail } from '../../../test/setup-helpers';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp('firms’ account requests', (t) => {
  const publicUrl = () => `/api/public/territories/${t.world.territoryA.slug}/account-requests`;
  const listUrl = () => `/api/territories/${t.world.territoryA.slug}/account-requests`;
  const request = (overrides: Record<string, unknown> = {}) => ({
    siret: uniqueSiret(),
    organizationName: 'Distillerie du Ried',
    inseeCode: '67482',
    contactName: 'Hugo Distillateur',
    email: uniqueEmail('distillerie'),
    phone: '03 88 00 00 00',
    message: 'Nous distillons de l’alcool agricole.',
    ...overrides,
  });
  const pendingIdOf = async (siret: string) =>
    (await t.as('facilitator').get(listUrl())).json().items.find((r: { siret: string }) => r.siret === siret)?.id as string;

  it('takes a request from anyone, once per address, with a checked SIRET', async () => {
    const body = request();
    const sent = await t.as('anonymous').post(publicUrl(), body);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().message).toContain('L’animateur vous transmettra le lien');
    const again = await t.as('anonymous').post(publicUrl(), { ...body, siret: uniqueSiret() });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['email']);
    const badSiret = await t.as('anonymous').post(publicUrl(), request({ siret: '12345678901234' }));
    expect(fieldsOf(badSiret)).toEqual(['siret']);
    expect((await t.as('anonymous').post('/api/public/territories/nulle-part/account-requests', request())).statusCode).toBe(404);
  });

  it('lets the public form find the firm’s commune by name, without an account', async () => {
    const found = await t.as('anonymous').get('/api/public/reference/communes?q=angouleme');
    expect(found.json().items[0]).toMatchObject({ code: '16015', name: 'Angoulême' });
    expect((await t.as('anonymous').get('/api/public/reference/communes?q=')).statusCode).toBe(400);
  });

  it('shows the facilitator the pending requests, not members', async () => {
    const body = request();
    await t.as('anonymous').post(publicUrl(), body);
    const listed = (await t.as('facilitator').get(listUrl())).json().items;
    expect(listed.find((r: { siret: string }) => r.siret === body.siret)).toMatchObject({
      status: 'pending',
      communeName: 'Strasbourg',
      contactName: 'Hugo Distillateur',
      existingOrganizationName: null,
    });
    expect((await t.as('member').get(listUrl())).statusCode).toBe(403);
  });

  it('approves a request: the firm joins the territory, its profile names the contact, its account is invited', async () => {
    const body = request();
    await t.as('anonymous').post(publicUrl(), body);
    const id = await pendingIdOf(body.siret);
    const decided = await t.as('facilitator').post(`${listUrl()}/${id}/decision`, { decision: 'approve' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().request).toMatchObject({ status: 'approved' });
    expect(decided.json().link).toMatchObject({ purpose: 'invitation', emailed: false });
    const organization = await t.repos.organizations.getBySiret(body.siret);
    expect(organization).toMatchObject({ name: 'Distillerie du Ried', kind: 'sme', inseeCode: '67482', departementCode: '67' });
    expect(await t.repos.memberships.isMember(t.world.territoryA.id, organization?.id ?? '')).toBe(true);
    expect(await t.repos.supplierProfiles.getContact(organization?.id ?? '')).toEqual({
      name: 'Hugo Distillateur',
      email: body.email,
      phone: '03 88 00 00 00',
    });
    // The invited firm chooses its password and lands with its supplier role.
    const chosen = await t
      .as('anonymous')
      .post('/api/auth/password', { token: tokenOf(decided.json().link.url), password: 'une phrase de passe longue' });
    expect(chosen.json().roles).toMatchObject([{ role: 'supplier', organizationId: organization?.id }]);
    expect((await t.as('facilitator').post(`${listUrl()}/${id}/decision`, { decision: 'reject' })).statusCode).toBe(409);
  });

  it('reuses the organization that already holds the SIRET', async () => {
    const body = request({ siret: t.world.buyerB1.siret, organizationName: 'Nom différent' });
    await t.as('anonymous').post(publicUrl(), body);
    const id = await pendingIdOf(body.siret);
    expect((await t.as('facilitator').get(listUrl())).json().items.find((r: { id: string }) => r.id === id).existingOrganizationName).toBe(
      t.world.buyerB1.name,
    );
    const decided = await t.as('facilitator').post(`${listUrl()}/${id}/decision`, { decision: 'approve' });
    expect(decided.json().request.organizationId).toBe(t.world.buyerB1.id);
    expect((await t.repos.memberships.listTerritoryIds(t.world.buyerB1.id)).sort()).toEqual(
      [t.world.territoryA.id, t.world.territoryB.id].sort(),
    );
  });

  it('rejects a request with a note; refuses a bad decision and other facilitators', async () => {
    const body = request();
    await t.as('anonymous').post(publicUrl(), body);
    const id = await pendingIdOf(body.siret);
    expect(fieldsOf(await t.as('facilitator').post(`${listUrl()}/${id}/decision`, { decision: 'peut-être' }))).toEqual(['decision']);
    expect((await t.as('otherFacilitator').post(`${listUrl()}/${id}/decision`, { decision: 'reject' })).statusCode).toBe(404);
    const rejected = await t.as('facilitator').post(`${listUrl()}/${id}/decision`, { decision: 'reject', note: 'Hors du territoire' });
    expect(rejected.json()).toMatchObject({ request: { status: 'rejected', decisionNote: 'Hors du territoire' }, link: null });
    expect(await t.repos.organizations.getBySiret(body.siret)).toBeUndefined();
    const otherTerritory = `/api/territories/${t.world.territoryB.slug}/account-requests/${id}/decision`;
    expect((await t.as('otherFacilitator').post(otherTerritory, { decision: 'approve' })).statusCode).toBe(404);
  });
});
