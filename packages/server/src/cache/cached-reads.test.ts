import { expect, it } from 'vitest';
import { clientFor, describeApp, logIn, numbersIn } from '../../test/test-app';

interface NeedRow {
  id: string;
  organizationId: string;
  annualAmountCents: number | null;
}
interface OpportunityRow {
  family: { key: string };
  annualAmountCents: number;
  members: { organizationId: string; annualAmountCents: number | null }[];
}

// The needs list and the opportunities list are answered from serialised pages kept per territory
// version (and per analysis); these tests prove that what is cached never outlives a write and is
// never shared between callers who see different things.
describeApp('cached reads', (t) => {
  const needsUrl = () => `/api/needs?territory=${t.world.territoryA.slug}&limit=200`;
  const opportunitiesUrl = () => `/api/territories/${t.world.territoryA.slug}/opportunities?limit=200`;
  // The world's salt needs: buyer A1's and buyer A2's, pooled into one salt opportunity.
  const saltOf = (items: OpportunityRow[]) => items.find((o) => o.family.key.startsWith('famille:fam-salt'));

  it('shows a need edit on the very next needs list and opportunities request', async () => {
    const facilitator = t.as('facilitator');
    const needsBefore = (await facilitator.get(needsUrl())).json().items as NeedRow[];
    const saltBefore = saltOf((await facilitator.get(opportunitiesUrl())).json().items);
    const amountBefore = needsBefore.find((n) => n.id === t.world.needA1.id)?.annualAmountCents ?? 0;
    expect(saltBefore?.members.map((m) => m.organizationId)).toContain(t.world.buyerA1.id);

    const patched = await facilitator.patch(`/api/needs/${t.world.needA1.id}`, { annualAmountCents: amountBefore + 12_345 });
    expect(patched.statusCode).toBe(200);

    const needsAfter = (await facilitator.get(needsUrl())).json().items as NeedRow[];
    expect(needsAfter.find((n) => n.id === t.world.needA1.id)?.annualAmountCents).toBe(amountBefore + 12_345);
    // Pooled amount = Σ of the members' amounts: only A1's changed, by +12 345 cents.
    const saltAfter = saltOf((await facilitator.get(opportunitiesUrl())).json().items);
    expect(saltAfter?.annualAmountCents).toBe((saltBefore?.annualAmountCents ?? 0) + 12_345);
  });

  it('never answers a member with the page cached for a facilitator', async () => {
    const facilitatorNeeds = (await t.as('facilitator').get(needsUrl())).json().items as NeedRow[];
    expect(facilitatorNeeds.some((n) => n.organizationId === t.world.buyerA2.id && n.annualAmountCents !== null)).toBe(true);
    const facilitatorSalt = saltOf((await t.as('facilitator').get(opportunitiesUrl())).json().items);
    expect(facilitatorSalt?.members.every((m) => m.annualAmountCents !== null)).toBe(true);

    const memberNeeds = await t.as('member').get(needsUrl());
    expect(new Set((memberNeeds.json().items as NeedRow[]).map((n) => n.organizationId))).toEqual(new Set([t.world.buyerA1.id]));
    expect(numbersIn(memberNeeds)).not.toContain(t.world.needA2.annualAmountCents);
    const memberOpportunities = await t.as('member').get(opportunitiesUrl());
    const memberSalt = saltOf(memberOpportunities.json().items);
    const a2 = memberSalt?.members.find((m) => m.organizationId === t.world.buyerA2.id);
    expect(a2).toBeDefined();
    expect(a2?.annualAmountCents).toBeNull();
    expect(numbersIn(memberOpportunities)).not.toContain(t.world.needA2.annualAmountCents);
  });

  it('refuses a logged-out session even right after it was used (and cached)', async () => {
    const token = await logIn(t.app, t.world.emails.observer);
    const client = clientFor(
      () => t.app,
      () => token,
    );
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.get(needsUrl())).statusCode).toBe(401);
  });
});
