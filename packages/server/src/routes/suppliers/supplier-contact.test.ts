import { expect, it } from 'vitest';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp('a firm’s own profile and contact', (t) => {
  const url = () => `/api/suppliers/${t.world.firmA.id}`;
  const profile = {
    nafCodes: ['20.41Z'],
    competences: [],
    products: [{ cpvCode: '33631600', label: 'Gel hydroalcoolique', annualCapacity: 12_000, unit: 'L' }],
    deliveryRadiusKm: 60,
    certifications: ['ISO 14001'],
    isSme: true,
    description: 'Cirages et produits d’entretien.',
  };

  it('lets the firm set its profile and contact, read back by the facilitator', async () => {
    const contact = { name: 'Jeanne Martin', email: 'Jeanne@Cirages.fr', phone: '05 45 00 00 00' };
    const saved = await t.as('supplier').put(url(), { ...profile, competences: [t.world.competenceCode], contact });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().contact).toEqual({ ...contact, email: 'jeanne@cirages.fr' });
    // Description, competences, products, radius and contact given: nothing left to ask.
    expect(saved.json().gaps).toEqual([]);
    const read = await t.as('facilitator').get(url());
    expect(read.json()).toMatchObject({
      profile: { deliveryRadiusKm: 60, certifications: ['ISO 14001'] },
      contact: { name: 'Jeanne Martin' },
    });
    // A profile saved without `contact` keeps the one stored.
    await t.as('supplier').put(url(), { ...profile, description: 'Mise à jour' });
    expect((await t.as('supplier').get(url())).json().contact.name).toBe('Jeanne Martin');
  });

  it('refuses a bad contact address, and another firm’s profile', async () => {
    const bad = await t.as('supplier').put(url(), { ...profile, contact: { name: 'X', email: 'pas-une-adresse', phone: '' } });
    expect(fieldsOf(bad)).toEqual(['contact.email']);
    expect((await t.as('member').put(url(), profile)).statusCode).toBe(403);
  });
});
