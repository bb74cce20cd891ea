import { describe, expect, it } from 'vitest';
import { buildGroupement, buildOrganization, buildSupplierProfile, CPV } from '../../../db/test/dialects';
import { describeApp } from '../test-app';

interface Page<T> {
  items: T[];
  total: number;
}
/** A valid profile body: the refusal must come from authorization, not from validation. */
const PROFILE_BODY = {
  nafCodes: ['22.22Z'],
  competences: [],
  products: [],
  deliveryRadiusKm: 100,
  certifications: [],
  isSme: true,
  description: 'piraté',
};

interface PricedRow {
  id: string;
  organizationId: string;
  unitPriceCents?: number | null;
  annualAmountCents?: number | null;
  amountCents?: number | null;
}

/**
 * A member buyer (acting for buyerA1) tries to read or change another organization's data by
 * swapping an id in the URL, the query or the body. Every attempt is refused and nothing changes.
 */
describeApp(
  'a member cannot reach another organization through ids',
  (t) => {
    const member = () => t.as('member');

    describe('needs', () => {
      it('refuses reading another member’s need, and listing with its organization id', async () => {
        expect((await member().get(`/api/needs/${t.world.needA2.id}`)).statusCode).toBe(403);
        const listed = await member().get(`/api/needs?territory=${t.world.territoryA.slug}&organization=${t.world.buyerA2.id}`);
        expect(listed.statusCode).toBe(403);
      });

      it('lists only its own needs, so no other unit price leaks', async () => {
        const page = (await member().get(`/api/needs?territory=${t.world.territoryA.slug}&limit=200`)).json() as Page<PricedRow>;
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.items.every((n) => n.organizationId === t.world.buyerA1.id)).toBe(true);
      });

      it('refuses changing or deleting another member’s need, which stays as it was', async () => {
        const before = await t.repos.needs.getById(t.world.needA2.id);
        expect((await member().patch(`/api/needs/${t.world.needA2.id}`, { unitPriceCents: 1 })).statusCode).toBe(403);
        expect((await member().delete(`/api/needs/${t.world.needA2.id}`)).statusCode).toBe(403);
        expect(await t.repos.needs.getById(t.world.needA2.id)).toEqual(before);
      });

      it('refuses moving its own need to another organization through the body', async () => {
        const response = await member().patch(`/api/needs/${t.world.needA1.id}`, { organizationId: t.world.buyerA2.id });
        expect(response.statusCode).toBe(400);
        expect((await t.repos.needs.getById(t.world.needA1.id))?.organizationId).toBe(t.world.buyerA1.id);
      });

      it.each([
        ['a member of its territory', 'buyerA2', 403],
        ['an organization of another territory', 'buyerB1', 404],
      ] as const)('refuses creating a need for %s', async (_label, who, status) => {
        const organizationId = t.world[who].id;
        const response = await member().post('/api/needs', { organizationId, cpvCode: CPV.paper, label: 'usurpé', annualAmountCents: 1 });
        expect(response.statusCode).toBe(status);
        expect((await t.repos.needs.list({ organizationId, q: 'usurpé' }, { limit: 5, offset: 0 })).total).toBe(0);
      });
    });

    describe('running contracts', () => {
      it('refuses reading, changing and deleting another member’s contract', async () => {
        const id = t.world.contractA2.id;
        const before = await t.repos.runningContracts.getById(id);
        expect((await member().get(`/api/contracts/${id}`)).statusCode).toBe(403);
        expect((await member().patch(`/api/contracts/${id}`, { noticeMonths: 1 })).statusCode).toBe(403);
        expect((await member().delete(`/api/contracts/${id}`)).statusCode).toBe(403);
        expect(await t.repos.runningContracts.getById(id)).toEqual(before);
      });

      it('lists only its own contracts', async () => {
        const page = (await member().get(`/api/contracts?territory=${t.world.territoryA.slug}&limit=200`)).json() as Page<PricedRow>;
        expect(page.items.every((c) => c.organizationId === t.world.buyerA1.id)).toBe(true);
      });

      it('refuses creating a contract for another member', async () => {
        const response = await member().post('/api/contracts', {
          organizationId: t.world.buyerA2.id,
          reference: 'USURPE-1',
          cpvCode: CPV.paper,
          label: 'usurpé',
          startDate: '2025-01-01',
          durationMonths: 12,
        });
        expect(response.statusCode).toBe(403);
      });
    });

    describe('overview and suppliers', () => {
      it('hides other members’ amounts in the territory overview', async () => {
        const overview = (await member().get(`/api/territories/${t.world.territoryA.slug}/overview`)).json() as {
          members: { organization: { id: string }; annualAmountCents: number | null }[];
        };
        const others = overview.members.filter((m) => m.organization.id !== t.world.buyerA1.id);
        expect(others.length).toBeGreaterThan(0);
        expect(others.every((m) => m.annualAmountCents === null)).toBe(true);
      });

      it('reads a firm’s published profile without its capacities, and cannot change it', async () => {
        const firm = t.world.firmA.id;
        const profile = (await member().get(`/api/suppliers/${firm}`)).json() as { profile: { products: { annualCapacity: unknown }[] } };
        expect(profile.profile.products.every((p) => p.annualCapacity === null)).toBe(true);
        expect((await member().put(`/api/suppliers/${firm}`, PROFILE_BODY)).statusCode).toBe(403);
        expect((await t.repos.supplierProfiles.getByOrganizationId(firm))?.description).not.toBe('piraté');
      });
    });

    describe('groupements', () => {
      const groupementWithoutA1 = () =>
        t.repos.groupements.insert(
          buildGroupement({
            territoryId: t.world.territoryA.id,
            familyId: 'fam-salt',
            memberIds: [t.world.buyerA2.id],
            coordinatorIds: [],
          }),
        );

      it.each(['', '/convention.pdf', '/file.xlsx'])('refuses reading a groupement its organization is not in (%s)', async (suffix) => {
        const groupement = await groupementWithoutA1();
        expect((await member().get(`/api/groupements/${groupement.id}${suffix}`)).statusCode).toBe(403);
      });

      it('refuses renaming a groupement, even one it is in', async () => {
        const groupement = await t.repos.groupements.insert(
          buildGroupement({
            territoryId: t.world.territoryA.id,
            familyId: 'fam-salt',
            memberIds: [t.world.buyerA1.id],
            coordinatorIds: [],
          }),
        );
        expect((await member().patch(`/api/groupements/${groupement.id}`, { name: 'détourné' })).statusCode).toBe(403);
        expect((await t.repos.groupements.getById(groupement.id))?.name).toBe(groupement.name);
      });

      it('lists only the groupements its organization is in', async () => {
        const hidden = await groupementWithoutA1();
        const listed = await member().get(`/api/territories/${t.world.territoryA.slug}/groupements`);
        expect(listed.statusCode).toBe(200);
        expect(JSON.stringify(listed.json())).not.toContain(hidden.id);
      });
    });

    describe('census import', () => {
      it('refuses importing a census into another member’s organization', async () => {
        const response = await member().request('POST', `/api/organizations/${t.world.buyerA2.id}/needs/import`, undefined, {
          'content-type': 'multipart/form-data; boundary=x',
        });
        expect(response.statusCode).toBe(403);
      });
    });
  },
  { sqliteOnly: true },
);

describeApp(
  'a supplier cannot reach another firm through ids',
  (t) => {
    it('refuses reading and changing another firm’s profile', async () => {
      const other = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
      await t.repos.memberships.add(t.world.territoryA.id, other.id);
      await t.repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: other.id }));
      const supplier = t.as('supplier');
      expect((await supplier.get(`/api/suppliers/${other.id}`)).statusCode).toBe(403);
      const before = await t.repos.supplierProfiles.getByOrganizationId(other.id);
      expect((await supplier.put(`/api/suppliers/${other.id}`, PROFILE_BODY)).statusCode).toBe(403);
      expect(await t.repos.supplierProfiles.getByOrganizationId(other.id)).toEqual(before);
    });

    it('sees no buyer’s needs or contracts at all', async () => {
      expect((await t.as('supplier').get(`/api/needs/${t.world.needA1.id}`)).statusCode).toBe(403);
      expect((await t.as('supplier').get(`/api/contracts?territory=${t.world.territoryA.slug}`)).statusCode).toBe(403);
    });
  },
  { sqliteOnly: true },
);

describeApp(
  'a facilitator of another territory cannot reach this one through ids',
  (t) => {
    it('gets 404 on reading or changing organizations, needs and contracts of another territory', async () => {
      const other = t.as('otherFacilitator');
      expect((await other.patch(`/api/organizations/${t.world.buyerA1.id}`, { name: 'annexée' })).statusCode).toBe(404);
      expect((await other.get(`/api/needs/${t.world.needA1.id}`)).statusCode).toBe(404);
      expect((await other.patch(`/api/contracts/${t.world.contractA1.id}`, { noticeMonths: 1 })).statusCode).toBe(404);
      expect((await other.post('/api/needs', { organizationId: t.world.buyerA1.id, cpvCode: CPV.paper, label: 'x' })).statusCode).toBe(404);
      expect((await t.repos.organizations.getById(t.world.buyerA1.id))?.name).not.toBe('annexée');
    });
  },
  { sqliteOnly: true },
);
