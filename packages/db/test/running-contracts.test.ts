import { expect, it } from 'vitest';
import { buildOrganization, buildRunningContract, buildTerritory, CPV, forEachDialect, INSEE } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('running contracts repository', (t) => {
  it('round-trips a contract with a 12-digit amount and nullable fields', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const input = buildRunningContract({
      organizationId: org.id,
      amountCents: 123_456_789_012,
      notificationDate: null,
      holderName: null,
      nature: 'marche',
    });
    const stored = await t.repos.runningContracts.insert(input);
    // A contract declared by hand has no DECP flag nor review.
    expect(stored).toEqual({ ...input, id: stored.id, decpFlags: [], decpFlagReviews: {} });
    expect(await t.repos.runningContracts.getById(stored.id)).toEqual(stored);
  });

  it('rejects a second contract with the same DECP id as a conflict naming decpId', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const decpId = `${org.siret}2025-${crypto.randomUUID()}`;
    await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id, source: 'decp', decpId }));
    const error = await domainErrorOf(() =>
      t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id, source: 'decp', decpId })),
    );
    expect(error.code).toBe('conflict');
    expect(error.details?.issues?.[0]?.field).toBe('decpId');
  });

  it('allows many manual contracts without a DECP id', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id }));
    await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id }));
    expect((await t.repos.runningContracts.list({ organizationId: org.id }, { limit: 10, offset: 0 })).total).toBe(2);
  });

  it('upserts by DECP id so that a re-import updates in place', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const decpId = `${org.siret}2024-${crypto.randomUUID()}`;
    const first = await t.repos.runningContracts.upsert(
      buildRunningContract({ organizationId: org.id, source: 'decp', decpId, renewalsUsed: 0 }),
    );
    const again = await t.repos.runningContracts.upsert(
      buildRunningContract({ organizationId: org.id, source: 'decp', decpId, renewalsUsed: 1 }),
    );
    expect(again.id).toBe(first.id);
    expect(again.renewalsUsed).toBe(1);
    expect(await t.repos.runningContracts.getByDecpId(decpId)).toEqual(again);
  });

  it('refuses to upsert a contract without a DECP id', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const error = await domainErrorOf(() => t.repos.runningContracts.upsert(buildRunningContract({ organizationId: org.id })));
    expect(error.code).toBe('validation_failed');
  });

  it('updates and deletes a contract', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const stored = await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id }));
    const updated = await t.repos.runningContracts.update(stored.id, { renewalsUsed: 2, amountCents: null });
    expect(updated).toEqual({ ...stored, renewalsUsed: 2, amountCents: null });
    expect(await t.repos.runningContracts.delete(stored.id)).toBe(true);
    expect(await t.repos.runningContracts.getById(stored.id)).toBeUndefined();
  });

  it('filters a territory’s contracts by CPV prefix, département and text, paginating with a full total', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const strasbourg = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.strasbourg }));
    const mulhouse = await t.repos.organizations.insert(buildOrganization({ inseeCode: INSEE.mulhouse }));
    const outsider = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(territory.id, strasbourg.id);
    await t.repos.memberships.add(territory.id, mulhouse.id);
    await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: strasbourg.id, cpvCode: CPV.paper, startDate: '2024-01-01' }),
    );
    await t.repos.runningContracts.insert(
      buildRunningContract({
        organizationId: strasbourg.id,
        cpvCode: CPV.deIcingSalt,
        label: 'Sel de déneigement',
        startDate: '2024-06-01',
      }),
    );
    await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: mulhouse.id, cpvCode: CPV.paper, startDate: '2025-01-01', reference: 'MUL-PAP-7' }),
    );
    await t.repos.runningContracts.insert(buildRunningContract({ organizationId: outsider.id, cpvCode: CPV.paper }));
    const all = { limit: 50, offset: 0 };

    const page = await t.repos.runningContracts.list({ territoryId: territory.id }, { limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.startDate)).toEqual(['2024-06-01']);
    expect((await t.repos.runningContracts.list({ territoryId: territory.id, cpvPrefix: '30' }, all)).total).toBe(2);
    expect((await t.repos.runningContracts.list({ territoryId: territory.id, departementCode: '68' }, all)).total).toBe(1);
    expect(
      (await t.repos.runningContracts.list({ territoryId: territory.id, q: 'mul-pap' }, all)).items.map((c) => c.organizationId),
    ).toEqual([mulhouse.id]);
    expect((await t.repos.runningContracts.list({ territoryId: territory.id, q: 'DÉNEIGEMENT' }, all)).total).toBe(1);
    expect(await t.repos.runningContracts.listForTerritory(territory.id)).toHaveLength(3);
  });
});
