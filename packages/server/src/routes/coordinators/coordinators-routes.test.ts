import { expect, it } from 'vitest';
import { buildNeed } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

interface BoardItem {
  opportunityId: string;
  family: { key: string };
  coordinator: { organizationId: string };
  isOverride: boolean;
  members: { organizationId: string; load: number }[];
}

describeApp(
  'coordinators routes',
  (t) => {
    const AT = '2026-12-01';
    const url = (path = '') => `/api/territories/${t.world.territoryA.slug}/coordinators${path}`;
    const saltItem = (body: { items: BoardItem[] }) => body.items.find((i) => i.family.key === 'famille:fam-salt');

    it('proposes one coordinator per opportunity among its members, with each member’s workload', async () => {
      const response = await t.as('facilitator').get(url(`?at=${AT}`));
      expect(response.statusCode).toBe(200);
      const item = saltItem(response.json());
      expect(item?.members.map((m) => m.organizationId)).toContain(item?.coordinator.organizationId);
      expect(item?.isOverride).toBe(false);
      expect(response.json().workloads.length).toBeGreaterThan(0);
    });

    it('keeps a facilitator’s override and respects it when the analysis is recomputed', async () => {
      const proposed = saltItem((await t.as('facilitator').get(url(`?at=${AT}`))).json());
      const other = proposed?.members.find((m) => m.organizationId !== proposed.coordinator.organizationId);
      if (!other) throw new Error('the salt opportunity has two members');
      const stored = await t
        .as('facilitator')
        .put(url(`/overrides?at=${AT}`), { familyKey: 'famille:fam-salt', organizationId: other.organizationId });
      expect(stored.statusCode, stored.body).toBe(200);
      expect(saltItem(stored.json())).toMatchObject({ coordinator: { organizationId: other.organizationId }, isOverride: true });
      // A write to the territory's needs forces a recomputation; the override must survive it.
      const need = await t
        .as('facilitator')
        .post('/api/needs', { organizationId: t.world.buyerA1.id, cpvCode: '34927100', label: 'Sel', annualAmountCents: 900_000 });
      expect(need.statusCode).toBe(201);
      const recomputed = await t.as('observer').get(url(`?at=${AT}`));
      expect(saltItem(recomputed.json())).toMatchObject({ coordinator: { organizationId: other.organizationId }, isOverride: true });
      expect(recomputed.json().overrides).toEqual([
        { familyKey: 'famille:fam-salt', cellKey: null, organizationId: other.organizationId, isApplied: true },
      ]);
      expect(await t.repos.coordinatorOverrides.listForTerritory(t.world.territoryA.id)).toHaveLength(1);
    });

    it('clears an override with organizationId null and returns to the proposal', async () => {
      const cleared = await t.as('facilitator').put(url(`/overrides?at=${AT}`), { familyKey: 'famille:fam-salt', organizationId: null });
      expect(cleared.statusCode).toBe(200);
      expect(saltItem(cleared.json())?.isOverride).toBe(false);
      expect(cleared.json().overrides).toEqual([]);
    });

    it('refuses to impose an organization that is not a member of the family’s opportunity, naming the field', async () => {
      const response = await t
        .as('facilitator')
        .put(url(`/overrides?at=${AT}`), { familyKey: 'famille:fam-salt', organizationId: t.world.firmA.id });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['organizationId']);
      const unknownFamily = await t
        .as('facilitator')
        .put(url(`/overrides?at=${AT}`), { familyKey: 'famille:inconnue', organizationId: t.world.buyerA1.id });
      expect(fieldsOf(unknownFamily)).toEqual(['familyKey']);
    });

    it('refuses a malformed body and an unknown level, naming the field', async () => {
      const response = await t.as('facilitator').put(url('/overrides'), { familyKey: '', organizationId: t.world.buyerA1.id });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['familyKey']);
      expect(fieldsOf(await t.as('facilitator').get(url('?level=famille')))).toEqual(['level']);
    });

    it('lets only the facilitator override, and hides the board from suppliers and other territories', async () => {
      const body = { familyKey: 'famille:fam-salt', organizationId: t.world.buyerA1.id };
      expect((await t.as('member').put(url('/overrides'), body)).statusCode).toBe(403);
      expect((await t.as('observer').put(url('/overrides'), body)).statusCode).toBe(403);
      expect((await t.as('supplier').get(url())).statusCode).toBe(403);
      expect((await t.as('otherFacilitator').get(url())).statusCode).toBe(404);
    });

    it('shows a member only the opportunities of its organization', async () => {
      await t.repos.needs.insert(buildNeed({ organizationId: t.world.buyerA2.id, cpvCode: '18424000', label: 'Gants' }));
      await t.repos.needs.insert(buildNeed({ organizationId: t.world.firmA.id, cpvCode: '18424000', label: 'Gants' }));
      const all = (await t.as('facilitator').get(url('?at=2026-12-02'))).json() as { items: BoardItem[] };
      const own = (await t.as('member').get(url('?at=2026-12-02'))).json() as { items: BoardItem[] };
      expect(all.items.length).toBeGreaterThan(own.items.length);
      expect(own.items.every((i) => i.members.some((m) => m.organizationId === t.world.buyerA1.id))).toBe(true);
    });
  },
  { sqliteOnly: true },
);
