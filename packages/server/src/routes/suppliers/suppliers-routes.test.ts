import { expect, it } from 'vitest';
import { CPV } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp('suppliers routes', (t) => {
  const profile = () => ({
    nafCodes: ['22.22Z'],
    competences: [t.world.competenceCode],
    products: [{ cpvCode: CPV.gloves, label: 'Gants nitrile', annualCapacity: 500_000, unit: 'pair' }],
    deliveryRadiusKm: 120,
    certifications: ['ISO 9001'],
    isSme: true,
    description: 'Fabricant de gants.',
  });

  it('lets a supplier replace its own profile', async () => {
    const response = await t.as('supplier').put(`/api/suppliers/${t.world.firmA.id}`, profile());
    expect(response.statusCode).toBe(200);
    expect(response.json().profile.products[0]).toMatchObject({ annualCapacity: 500_000 });
  });

  it('refuses a bad NAF code, an unknown unit and an unknown competence naming the fields', async () => {
    const bad = await t.as('supplier').put(`/api/suppliers/${t.world.firmA.id}`, {
      ...profile(),
      nafCodes: ['2222'],
      products: [{ ...profile().products[0], unit: 'bushel' }],
    });
    expect(fieldsOf(bad).sort()).toEqual(['nafCodes.0', 'products.0.unit']);
    const unknown = await t.as('supplier').put(`/api/suppliers/${t.world.firmA.id}`, { ...profile(), competences: ['inconnue'] });
    expect(fieldsOf(unknown)).toEqual(['competences.0']);
  });

  it('forbids a supplier to edit another firm and a member to edit any', async () => {
    expect((await t.as('supplier').put(`/api/suppliers/${t.world.buyerA1.id}`, profile())).statusCode).toBe(403);
    expect((await t.as('member').put(`/api/suppliers/${t.world.firmA.id}`, profile())).statusCode).toBe(403);
  });

  it('shows members the published fields only (no capacities)', async () => {
    const list = await t.as('member').get(`/api/suppliers?territory=${t.world.territoryA.slug}`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { profile: { products: { annualCapacity: number | null }[] } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.flatMap((s) => s.profile.products.map((p) => p.annualCapacity))).toEqual(
      items.flatMap((s) => s.profile.products.map(() => null)),
    );
  });

  it('filters suppliers by competence for a facilitator', async () => {
    const response = await t.as('facilitator').get(`/api/suppliers?competence=${t.world.competenceCode}`);
    expect(response.json().items.map((s: { organization: { id: string } }) => s.organization.id)).toEqual([t.world.firmA.id]);
  });
});
