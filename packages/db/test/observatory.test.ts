import { expect, it } from 'vitest';
import { buildOrganization, buildRunningContract, forEachDialect, INSEE, nextSequence } from './dialects';

/** A DECP natural key (buyer SIRET | id) no other test uses. */
const uniqueDecpId = () => `observatoire|${nextSequence()}-${Math.random()}`;

forEachDialect('observatory repository', (t) => {
  it('reads every DECP contract once, grouped by buyer, across pages that never split a buyer', async () => {
    const strasbourg = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.strasbourg }));
    const mulhouse = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.mulhouse }));
    const decp = (organizationId: string, cpvCode: string, amountCents: number | null) =>
      t.repos.runningContracts.insert(
        buildRunningContract({ organizationId, cpvCode, amountCents, source: 'decp', decpId: uniqueDecpId() }),
      );
    // Strasbourg: 3 DECP contracts; Mulhouse: 1 DECP contract and 1 typed by hand (left out).
    await decp(strasbourg.id, '66516400', 1_200_000);
    await decp(strasbourg.id, '45233140', 9_000_000);
    await decp(strasbourg.id, '66510000', null);
    const mulhouseDecp = await decp(mulhouse.id, '66512000', 300_000);
    await t.repos.runningContracts.insert(buildRunningContract({ organizationId: mulhouse.id }));
    const pages = [];
    // Pages of 2 contracts: Strasbourg's 3 contracts come whole in one page.
    for await (const page of t.repos.observatory.listDecpContractsByBuyer(2)) pages.push(page);
    const entries = pages.flat();
    expect(entries.map((e) => [e.buyer.siret, e.buyer.departementCode, e.contracts.length]).sort()).toEqual(
      [
        [strasbourg.siret, '67', 3],
        [mulhouse.siret, '68', 1],
      ].sort(),
    );
    expect(entries.find((e) => e.buyer.siret === mulhouse.siret)?.contracts).toEqual([
      // With its DECP id and start (the builder's), read for chains of successive contracts.
      { cpvCode: '66512000', amountCents: 300_000, durationMonths: 12, decpId: mulhouseDecp.decpId, startDate: mulhouseDecp.startDate },
    ]);
    expect(await t.repos.observatory.decpContractsState()).toMatchObject({ count: 4 });
  });

  it('gives the complete lists of changed buyers, an empty one for a buyer left without DECP contracts', async () => {
    const colmar = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.mulhouse }));
    const empty = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.angouleme }));
    const before = new Date(Date.now() - 1000).toISOString();
    // Created after `before`: counted.
    await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: colmar.id, cpvCode: '30192000', source: 'decp', decpId: uniqueDecpId() }),
    );
    const changes = await t.repos.observatory.decpChangesSince(before, false);
    expect(changes.organizationIds).toContain(colmar.id);
    expect(changes.created).toBeGreaterThanOrEqual(1);
    const lists = await t.repos.observatory.listDecpContractsOfBuyers([colmar.id, empty.id]);
    expect(lists.map((e) => [e.buyer.siret, e.contracts.length]).sort()).toEqual(
      [
        [colmar.siret, 1],
        [empty.siret, 0],
      ].sort(),
    );
  });

  it('re-reads a buyer whose only change is new contracts in their CPV divisions alone, and a buyer with an updated contract whole', async () => {
    const angers = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.strasbourg }));
    const brest = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.mulhouse }));
    const decp = (organizationId: string, cpvCode: string) =>
      t.repos.runningContracts.insert(buildRunningContract({ organizationId, cpvCode, source: 'decp', decpId: uniqueDecpId() }));
    // Before the watermark: each buyer has a contract in division 66 (insurance) and one in 30 (office machines).
    const old = [await decp(angers.id, '66516400'), await decp(angers.id, '30192000'), await decp(brest.id, '66510000')];
    const brestOffice = await decp(brest.id, '30192000');
    // Stamps after every other test's rows (written now): only this test's rows count as written since.
    const since = '2030-06-01T00:00:00.000Z';
    await t.m.db
      .updateTable('running_contracts')
      .set({ created_at: '2030-01-01T00:00:00.000Z', updated_at: '2030-01-01T00:00:00.000Z' })
      .where(
        'id',
        'in',
        [...old, brestOffice].map((c) => c.id),
      )
      .execute();
    await t.m.db
      .updateTable('organizations')
      .set({ updated_at: '2030-01-01T00:00:00.000Z' })
      .where('id', 'in', [angers.id, brest.id])
      .execute();
    // After it: Angers publishes a new insurance contract (created); Brest's office contract is corrected (updated).
    const created = await decp(angers.id, '66512000');
    await t.m.db
      .updateTable('running_contracts')
      .set({ created_at: '2031-01-01T00:00:00.000Z', updated_at: '2031-01-01T00:00:00.000Z' })
      .where('id', '=', created.id)
      .execute();
    await t.m.db
      .updateTable('running_contracts')
      .set({ updated_at: '2031-01-01T00:00:00.000Z' })
      .where('id', '=', brestOffice.id)
      .execute();

    const changes = await t.repos.observatory.decpChangesSince(since, false);
    // Angers: one contract created, in division 66 only; Brest: an update, whatever its division: re-read whole.
    expect(changes.created).toBe(1);
    expect(changes.buyerDivisions).toEqual([{ organizationId: angers.id, divisions: ['66'] }]);
    expect(changes.organizationIds).toEqual([brest.id]);
    const [angersPart] = await t.repos.observatory.listDecpContractsOfBuyerDivisions(changes.buyerDivisions);
    // Its two insurance contracts (the old one and the new one), not its office machines.
    expect([angersPart?.buyer.siret, angersPart?.divisions, angersPart?.contracts.map((c) => c.cpvCode).sort()]).toEqual([
      angers.siret,
      ['66'],
      ['66512000', '66516400'],
    ]);
  });

  it('lists a class’s DECP contracts of given buyers as evidence, latest first', async () => {
    const buyer = await t.repos.organizations.insert(buildOrganization());
    const contract = (startDate: string, cpvCode: string) =>
      t.repos.runningContracts.insert(
        buildRunningContract({
          organizationId: buyer.id,
          cpvCode,
          startDate,
          source: 'decp',
          decpId: uniqueDecpId(),
          label: `Assurance ${startDate}`,
        }),
      );
    await contract('2023-01-01', '66516400');
    await contract('2024-06-01', '66510000');
    await contract('2024-07-01', '45233140');
    const evidence = await t.repos.observatory.listEvidence([buyer.siret], '6651');
    expect(evidence.map((e) => [e.startDate, e.cpvCode, e.label])).toEqual([
      ['2024-06-01', '66510000', 'Assurance 2024-06-01'],
      ['2023-01-01', '66516400', 'Assurance 2023-01-01'],
    ]);
  });
});
