import { expect, it } from 'vitest';
import { buildRunningContract, nextSequence } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';
import { territoryVersionsOf } from '../../cache/territory-versions';
import { seedObservatory } from './observatory-matrix.fixture';

interface Item {
  id: string;
  rank: number;
  family: { code: string };
  annualAmountCents: number;
  buyerCount: number;
  poolability: { tier: string; isRare: boolean; reason: string };
}

describeApp('observatory routes', (t) => {
  it('lists every département with its counts and how much published data it rests on', async () => {
    await seedObservatory(t);
    const response = await t.as('member').get('/api/observatory/departements');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.departements.length).toBeGreaterThanOrEqual(101);
    expect(body.departements.find((d: { code: string }) => d.code === '67')).toMatchObject({
      name: 'Bas-Rhin',
      opportunityCount: 1,
      rareCount: 0,
    });
    expect(body.departements.find((d: { code: string }) => d.code === '2A')).toMatchObject({ opportunityCount: 0 });
    expect(body.source.contractCount).toBeGreaterThanOrEqual(2);
  });

  it('ranks a département’s opportunities from published contracts alone, each with its reason', async () => {
    await seedObservatory(t);
    const response = await t.as('supplier').get('/api/observatory/departements/67/opportunities');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.departement).toEqual({ code: '67', name: 'Bas-Rhin', ofName: 'du Bas-Rhin' });
    // 120 000 € over 48 months = 30 000 €/year, plus 24 000 € over 12 months: 54 000 €/year.
    expect(body.items.map((o: Item) => [o.id, o.rank, o.annualAmountCents, o.buyerCount, o.poolability.tier])).toEqual([
      ['66510000@67', 1, 5_400_000, 2, 'proven'],
    ]);
    expect(body.items[0].poolability.reason).toMatch(/^Classée en tête/);
  });

  it('gives the published contracts an opportunity comes from', async () => {
    const { buyers } = await seedObservatory(t);
    const response = await t.as('observer').get('/api/observatory/departements/67/opportunities/66510000');
    expect(response.statusCode).toBe(200);
    const { contracts } = response.json();
    expect(contracts.map((c: { buyerSiret: string; annualAmountCents: number }) => [c.buyerSiret, c.annualAmountCents]).sort()).toEqual(
      [
        [buyers[0]?.siret, 3_000_000],
        [buyers[1]?.siret, 2_400_000],
      ].sort(),
    );
  });

  it('hides rarely pooled works unless asked, and shows a new published contract after an import', async () => {
    const { buyers } = await seedObservatory(t);
    for (const buyer of buyers)
      await t.repos.runningContracts.insert(
        buildRunningContract({
          organizationId: buyer.id,
          cpvCode: '45233140',
          amountCents: 50_000_000,
          source: 'decp',
          decpId: `${buyer.siret}|ROUTE-${nextSequence()}`,
        }),
      );
    // What an import does when it has written: every cached view of the data is stale.
    territoryVersionsOf(t.m).invalidateAll();
    const byDefault = (await t.as('facilitator').get('/api/observatory/departements/67/opportunities')).json();
    expect([byDefault.total, byDefault.rareCount]).toEqual([1, 1]);
    const all = (await t.as('facilitator').get('/api/observatory/departements/67/opportunities?includeRare=1')).json();
    expect(all.items.map((o: Item) => [o.id, o.poolability.tier])).toEqual([
      ['66510000@67', 'proven'],
      ['45230000@67', 'rare'],
    ]);
  });

  it('refuses a malformed département or family code, naming the field, and answers 404 for an unknown one', async () => {
    const bad = await t.as('facilitator').get('/api/observatory/departements/6/opportunities');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['code']);
    const badFamily = await t.as('facilitator').get('/api/observatory/departements/67/opportunities/6651');
    expect(fieldsOf(badFamily)).toEqual(['familyCode']);
    expect((await t.as('facilitator').get('/api/observatory/departements/99/opportunities')).statusCode).toBe(404);
    expect((await t.as('facilitator').get('/api/observatory/departements/67/opportunities/30190000')).statusCode).toBe(404);
  });

  it('asks an anonymous caller to sign in', async () => {
    expect((await t.as('anonymous').get('/api/observatory/departements')).statusCode).toBe(401);
  });
});
