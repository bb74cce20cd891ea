import { expect, it } from 'vitest';
import { CPV, INSEE } from '../../../../db/test/dialects';
import { describeApp, fieldsOf, numbersIn } from '../../../test/test-app';

describeApp('needs routes', (t) => {
  const newNeed = (organizationId: string) => ({
    organizationId,
    cpvCode: '34927100-2',
    label: 'Sel de déneigement',
    quantity: 80,
    unit: 't',
    unitPriceCents: 9_000,
  });

  it('lets a member declare a need for its organization, normalising the CPV and deriving the amount', async () => {
    const response = await t.as('member').post('/api/needs', newNeed(t.world.buyerA1.id));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      cpvCode: CPV.deIcingSalt,
      annualAmountCents: 720_000,
      amountIsDerived: true,
      pricesHidden: false,
    });
  });

  it('refuses a bad CPV, INSEE code and amount naming each field in French', async () => {
    const response = await t.as('facilitator').post('/api/needs', {
      ...newNeed(t.world.buyerA1.id),
      cpvCode: '34927100-9',
      deliveryCommunes: [INSEE.strasbourg, '99999'],
      unitPriceCents: -5,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(fieldsOf(response).sort()).toEqual(['cpvCode', 'deliveryCommunes.1', 'unitPriceCents']);
    expect(JSON.stringify(response.json().details)).toContain('clé de contrôle');
  });

  it('refuses a need with neither amount nor quantity and price', async () => {
    const response = await t
      .as('facilitator')
      .post('/api/needs', { organizationId: t.world.buyerA1.id, cpvCode: CPV.paper, label: 'Papier' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['annualAmountCents']);
  });

  it('forbids a member to declare a need for another organization of its territory', async () => {
    const response = await t.as('member').post('/api/needs', newNeed(t.world.buyerA2.id));
    expect(response.statusCode).toBe(403);
  });

  it('lists only the member’s own needs, even when it asks for another organization', async () => {
    const own = await t.as('member').get(`/api/needs?territory=${t.world.territoryA.slug}`);
    expect(own.statusCode).toBe(200);
    const items = own.json().items as { organizationId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((n) => n.organizationId))).toEqual(new Set([t.world.buyerA1.id]));
    const other = await t.as('member').get(`/api/needs?organization=${t.world.buyerA2.id}`);
    expect(other.statusCode).toBe(403);
  });

  it('lists every need of the territory for a facilitator, paginated and filtered', async () => {
    const response = await t.as('facilitator').get(`/api/needs?territory=${t.world.territoryA.slug}&cpv=3492&limit=1`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ limit: 1, offset: 0 });
    expect(body.items).toHaveLength(1);
    expect(body.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses a limit above 200', async () => {
    const response = await t.as('facilitator').get('/api/needs?limit=500');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['limit']);
  });

  it('hides another member’s need and its unit price: reading it by id is forbidden', async () => {
    const response = await t.as('member').get(`/api/needs/${t.world.needA2.id}`);
    expect(response.statusCode).toBe(403);
    expect(numbersIn(response)).not.toContain(t.world.needA2.unitPriceCents);
  });

  it('forbids a member to edit another organization’s need by changing the id in the URL', async () => {
    const response = await t.as('member').patch(`/api/needs/${t.world.needA2.id}`, { label: 'Détourné' });
    expect(response.statusCode).toBe(403);
    expect((await t.repos.needs.getById(t.world.needA2.id))?.label).toBe(t.world.needA2.label);
  });

  it('refuses to move a need to another organization through the body', async () => {
    const response = await t.as('member').patch(`/api/needs/${t.world.needA1.id}`, { organizationId: t.world.buyerA2.id });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['organizationId']);
    expect((await t.repos.needs.getById(t.world.needA1.id))?.organizationId).toBe(t.world.buyerA1.id);
  });

  it('re-derives a derived amount when the member changes the quantity', async () => {
    const created = (await t.as('member').post('/api/needs', newNeed(t.world.buyerA1.id))).json() as { id: string };
    const response = await t.as('member').patch(`/api/needs/${created.id}`, { quantity: 100 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ quantity: 100, annualAmountCents: 900_000, amountIsDerived: true });
  });

  it('answers 404 for a need of another territory, hiding its existence', async () => {
    const response = await t.as('facilitator').get(`/api/needs/${t.world.needB1.id}`);
    expect(response.statusCode).toBe(404);
  });

  it('lets a facilitator delete a need and answers 404 afterwards', async () => {
    const created = (await t.as('facilitator').post('/api/needs', newNeed(t.world.buyerA2.id))).json() as { id: string };
    expect((await t.as('facilitator').delete(`/api/needs/${created.id}`)).statusCode).toBe(204);
    expect((await t.as('facilitator').get(`/api/needs/${created.id}`)).statusCode).toBe(404);
  });

  it('lets an observer read but not write', async () => {
    expect((await t.as('observer').get(`/api/needs/${t.world.needA2.id}`)).json()).toMatchObject({
      unitPriceCents: 8_900,
      pricesHidden: false,
    });
    expect((await t.as('observer').patch(`/api/needs/${t.world.needA2.id}`, { label: 'x' })).statusCode).toBe(403);
  });
});
