import { expect, it } from 'vitest';
import { describeApp } from '../../../test/test-app';

describeApp('territories routes', (t) => {
  it('lists only the territories the caller has a role on', async () => {
    const response = await t.as('member').get('/api/territories');
    expect(response.json().items.map((x: { slug: string }) => x.slug)).toEqual([t.world.territoryA.slug]);
  });

  it('gives the facilitator the pooled overview with per-member amounts and CPV divisions', async () => {
    const response = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/overview`);
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    const buyerA2 = overview.members.find((m: { organization: { id: string } }) => m.organization.id === t.world.buyerA2.id);
    expect(buyerA2).toMatchObject({ needsCount: 1, annualAmountCents: 1_068_000 });
    expect(overview.families).toContainEqual(expect.objectContaining({ code: '34', organizationsCount: expect.any(Number) }));
    expect(overview.totals.needsCount).toBeGreaterThanOrEqual(2);
  });

  it('hides other members’ amounts from a member in the overview, and never shows unit prices', async () => {
    const response = await t.as('member').get(`/api/territories/${t.world.territoryA.slug}/overview`);
    const members = response.json().members as { organization: { id: string }; annualAmountCents: number | null }[];
    expect(members.find((m) => m.organization.id === t.world.buyerA2.id)?.annualAmountCents).toBeNull();
    expect(members.find((m) => m.organization.id === t.world.buyerA1.id)?.annualAmountCents).not.toBeNull();
    expect(response.body).not.toContain('unitPriceCents');
  });

  it('refuses the overview to a supplier and hides the territory from another territory’s facilitator', async () => {
    expect((await t.as('supplier').get(`/api/territories/${t.world.territoryA.slug}/overview`)).statusCode).toBe(403);
    expect((await t.as('otherFacilitator').get(`/api/territories/${t.world.territoryA.slug}`)).statusCode).toBe(404);
  });

  it('refuses a malformed slug naming the field', async () => {
    const response = await t.as('facilitator').get('/api/territories/Not_A_Slug');
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].field).toBe('slug');
  });
});
