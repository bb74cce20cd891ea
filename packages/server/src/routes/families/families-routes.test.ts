import { expect, it } from 'vitest';
import { buildFamily, buildTerritory, CPV } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

interface FamilyItem {
  id: string;
  territoryId: string | null;
  name: string;
  isShipped: boolean;
}

describeApp(
  'families routes',
  (t) => {
    const url = (path = '') => `/api/territories/${t.world.territoryA.slug}/families${path}`;
    const newFamily = (overrides: Record<string, unknown> = {}) => ({
      name: 'Produits d’entretien',
      cpvCodes: ['39830000-9'],
      keywords: ['Détergent', 'nettoyant'],
      elasticity: { low: 0.02, central: 0.05, high: 0.08, provenance: 'Hypothèse du groupement' },
      ...overrides,
    });

    it('lists the shipped families (territoryId null, not deletable) to every role of the territory', async () => {
      for (const persona of ['facilitator', 'member', 'observer', 'supplier'] as const) {
        const response = await t.as(persona).get(url());
        expect(response.statusCode).toBe(200);
        const salt = (response.json().items as FamilyItem[]).find((f) => f.id === 'fam-salt');
        expect(salt).toMatchObject({ territoryId: null, isShipped: true });
      }
    });

    it('creates a territory family with normalised CPV codes and lower-case keywords', async () => {
      const response = await t.as('facilitator').post(url(), newFamily());
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        territoryId: t.world.territoryA.id,
        cpvCodes: ['39830000'],
        keywords: ['détergent', 'nettoyant'],
        isShipped: false,
      });
      const listed = (await t.as('member').get(url())).json().items as FamilyItem[];
      expect(listed.map((f) => f.id)).toContain(response.json().id);
    });

    it('refuses a bad CPV code and an elasticity range out of order, naming each field', async () => {
      const response = await t
        .as('facilitator')
        .post(url(), newFamily({ cpvCodes: ['39830000-1'], elasticity: { low: 0.1, central: 0.05, high: 0.5, provenance: 'x' } }));
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response).sort()).toEqual(['cpvCodes.0', 'elasticity.central', 'elasticity.high']);
    });

    it('renames and then deletes a territory family', async () => {
      const created = await t.repos.families.insert(buildFamily({ territoryId: t.world.territoryA.id }));
      const renamed = await t.as('facilitator').put(url(`/${created.id}`), { name: 'Hygiène des mains' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ id: created.id, name: 'Hygiène des mains', cpvCodes: created.cpvCodes });
      expect((await t.as('facilitator').delete(url(`/${created.id}`))).statusCode).toBe(204);
      expect(await t.repos.families.getById(created.id)).toBeUndefined();
    });

    it('refuses to edit or delete a shipped family', async () => {
      expect((await t.as('facilitator').delete(url('/fam-salt'))).statusCode).toBe(409);
      expect((await t.as('facilitator').put(url('/fam-paper'), { name: 'Papier' })).statusCode).toBe(409);
    });

    it('answers 404 for another territory’s family', async () => {
      const elsewhere = await t.repos.territories.insert(buildTerritory());
      const foreign = await t.repos.families.insert(buildFamily({ territoryId: elsewhere.id, cpvCodes: [CPV.paper] }));
      expect((await t.as('facilitator').put(url(`/${foreign.id}`), { name: 'Volée' })).statusCode).toBe(404);
      expect((await t.as('facilitator').delete(url(`/${foreign.id}`))).statusCode).toBe(404);
    });

    it('lets only the facilitator write, and hides the territory from another facilitator', async () => {
      expect((await t.as('member').post(url(), newFamily())).statusCode).toBe(403);
      expect((await t.as('supplier').post(url(), newFamily())).statusCode).toBe(403);
      expect((await t.as('otherFacilitator').get(url())).statusCode).toBe(404);
    });

    it('pulls needs into a new family in the next analysis (the cache is invalidated by the write)', async () => {
      const at = '2026-12-01';
      const before = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/opportunities?at=${at}`);
      expect(before.json().items.map((o: { family: { key: string } }) => o.family.key)).toContain('famille:fam-salt');
      const created = await t
        .as('facilitator')
        .post(url(), newFamily({ name: 'Viabilité hivernale', cpvCodes: [CPV.deIcingSalt], keywords: [] }));
      const after = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/opportunities?at=${at}`);
      expect(after.json().items.map((o: { family: { key: string } }) => o.family.key)).toContain(`famille:${created.json().id}`);
    });
  },
  { sqliteOnly: true },
);
