import { expect, it } from 'vitest';
import { buildOrganization, uniqueSiret } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp('organizations routes', (t) => {
  const newOrganization = () => ({
    territory: t.world.territoryA.slug,
    name: 'Commune de Colmar',
    siret: uniqueSiret(),
    kind: 'commune',
    inseeCode: '68066',
  });

  it('lets a facilitator add an organization, deriving its geography from the INSEE code', async () => {
    const response = await t.as('facilitator').post('/api/organizations', newOrganization());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ departementCode: '68', regionCode: '44', isDemo: false });
    expect(await t.repos.memberships.isMember(t.world.territoryA.id, created.id)).toBe(true);
  });

  it('refuses a bad SIRET, INSEE code and kind naming each field', async () => {
    const response = await t
      .as('facilitator')
      .post('/api/organizations', { ...newOrganization(), siret: '12345678901234', inseeCode: '00000', kind: 'martian' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response).sort()).toEqual(['inseeCode', 'kind', 'siret']);
  });

  it('answers 409 for a SIRET already registered', async () => {
    const response = await t.as('facilitator').post('/api/organizations', { ...newOrganization(), siret: t.world.buyerA2.siret });
    expect(response.statusCode).toBe(409);
  });

  it('forbids a member to create or rename an organization', async () => {
    expect((await t.as('member').post('/api/organizations', newOrganization())).statusCode).toBe(403);
    expect((await t.as('member').patch(`/api/organizations/${t.world.buyerA1.id}`, { name: 'Renommée' })).statusCode).toBe(403);
  });

  it('lists the organizations of the territory filtered by département and text', async () => {
    const response = await t.as('observer').get(`/api/organizations?territory=${t.world.territoryA.slug}&departement=68&q=mulhouse`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((o: { id: string }) => o.id)).toEqual([t.world.buyerA2.id]);
  });

  it('hides organizations of another territory behind a 404', async () => {
    expect((await t.as('facilitator').get(`/api/organizations/${t.world.buyerB1.id}`)).statusCode).toBe(404);
    expect((await t.as('otherFacilitator').get(`/api/organizations/${t.world.buyerB1.id}`)).statusCode).toBe(200);
  });

  it('keeps an organization of two territories for the other when one facilitator deletes it, and lets neither rename it alone', async () => {
    const shared = await t.repos.organizations.insert(buildOrganization({ name: 'SDIS commun' }));
    await t.repos.memberships.add(t.world.territoryA.id, shared.id);
    await t.repos.memberships.add(t.world.territoryB.id, shared.id);
    const renamed = await t.as('facilitator').patch(`/api/organizations/${shared.id}`, { name: 'Renommé par A' });
    expect(renamed.statusCode).toBe(403);
    expect(renamed.json().message).toMatch(/appartient aussi à un territoire que vous n’animez pas/);
    expect((await t.as('otherFacilitator').delete(`/api/organizations/${shared.id}`)).statusCode).toBe(204);
    expect(await t.repos.memberships.listTerritoryIds(shared.id)).toEqual([t.world.territoryA.id]);
    expect((await t.repos.organizations.getById(shared.id))?.name).toBe('SDIS commun');
    // Now in A alone: A's facilitator renames it, then deletes it for good.
    expect((await t.as('facilitator').patch(`/api/organizations/${shared.id}`, { name: 'SDIS du Haut-Rhin' })).statusCode).toBe(200);
    expect((await t.as('facilitator').delete(`/api/organizations/${shared.id}`)).statusCode).toBe(204);
    expect(await t.repos.organizations.getById(shared.id)).toBeUndefined();
  });

  it('lets a facilitator move an organization to another commune', async () => {
    const created = (await t.as('facilitator').post('/api/organizations', newOrganization())).json() as { id: string };
    const response = await t.as('facilitator').patch(`/api/organizations/${created.id}`, { inseeCode: '16015' });
    expect(response.json()).toMatchObject({ inseeCode: '16015', departementCode: '16' });
  });
});
