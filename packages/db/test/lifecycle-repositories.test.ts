import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { withTransaction } from '../src/index';
import type { NewAuditEntry } from '../src/repositories/audit-log';
import { buildFamily, buildGroupement, buildOrganization, buildTerritory, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

/** Any error the database raises (the append-only triggers answer with their own message). */
async function databaseErrorOf(action: () => Promise<unknown>): Promise<string> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the database to refuse the statement');
  return error.message;
}

forEachDialect('lifecycle repositories', (t) => {
  async function setting() {
    const territory = await t.repos.territories.insert(buildTerritory());
    const family = await t.repos.families.insert(buildFamily({ territoryId: territory.id }));
    const a = await t.repos.organizations.insert(buildOrganization({ kind: 'commune' }));
    const b = await t.repos.organizations.insert(buildOrganization({ kind: 'hospital' }));
    const groupement = await t.repos.groupements.insert(
      buildGroupement({ territoryId: territory.id, familyId: family.id, memberIds: [a.id, b.id], coordinatorIds: [a.id] }),
    );
    return { territory, groupement, a, b };
  }

  const auditEntry = (territoryId: string, groupementId: string, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
    territoryId,
    groupementId,
    at: '2026-03-10T09:00:00.000Z',
    userId: 'user-1',
    role: 'facilitator',
    action: 'groupement.transition',
    entity: 'groupement',
    entityId: groupementId,
    before: { status: 'draft' },
    after: { status: 'convention_drafted' },
    ...overrides,
  });

  it('appends audit entries and lists them oldest first with their JSON values', async () => {
    const { territory, groupement } = await setting();
    const first = await t.repos.auditLog.insert(auditEntry(territory.id, groupement.id));
    const second = await t.repos.auditLog.insert(auditEntry(territory.id, groupement.id, { action: 'groupement.signature', before: null }));
    expect(second.id).toBeGreaterThan(first.id);
    expect(await t.repos.auditLog.list({ groupementId: groupement.id })).toEqual([first, second]);
    expect(second).toMatchObject({ before: null, after: { status: 'convention_drafted' } });
  });

  it('has the database refuse to update or delete an audit entry', async () => {
    const { territory, groupement } = await setting();
    const entry = await t.repos.auditLog.insert(auditEntry(territory.id, groupement.id));
    const update = await databaseErrorOf(() => sql`UPDATE audit_log SET action = 'forged' WHERE id = ${entry.id}`.execute(t.m.db));
    const remove = await databaseErrorOf(() => sql`DELETE FROM audit_log WHERE id = ${entry.id}`.execute(t.m.db));
    expect([update, remove]).toEqual([expect.stringContaining('append-only'), expect.stringContaining('append-only')]);
    expect(await t.repos.auditLog.list({ groupementId: groupement.id })).toEqual([entry]);
  });

  it('keeps the audit trail when the groupement it describes is deleted', async () => {
    const { territory, groupement } = await setting();
    await t.repos.auditLog.insert(auditEntry(territory.id, groupement.id));
    expect(await t.repos.groupements.delete(groupement.id)).toBe(true);
    expect(await t.repos.auditLog.list({ groupementId: groupement.id })).toHaveLength(1);
  });

  it('writes a change and its audit entry together, or neither', async () => {
    const { territory, groupement, a } = await setting();
    const failing = withTransaction(t.m, async (repos) => {
      await repos.groupementSignatures.upsert(groupement.id, {
        organizationId: a.id,
        signedOn: '2026-03-10',
        deliberationOn: null,
        deliberationReference: null,
      });
      await repos.auditLog.insert(auditEntry(territory.id, groupement.id, { action: 'groupement.signature' }));
      throw new Error('boom after both writes');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await t.repos.groupementSignatures.list(groupement.id)).toEqual([]);
    expect(await t.repos.auditLog.list({ groupementId: groupement.id })).toEqual([]);
  });

  it('upserts one signature record per member', async () => {
    const { groupement, a } = await setting();
    await t.repos.groupementSignatures.upsert(groupement.id, {
      organizationId: a.id,
      signedOn: null,
      deliberationOn: '2026-02-01',
      deliberationReference: 'D-1',
    });
    const full = { organizationId: a.id, signedOn: '2026-03-10', deliberationOn: '2026-02-01', deliberationReference: 'D-1' };
    await t.repos.groupementSignatures.upsert(groupement.id, full);
    expect(await t.repos.groupementSignatures.list(groupement.id)).toEqual([full]);
  });

  it('refuses a signature of an unknown organization, naming the field', async () => {
    const { groupement } = await setting();
    const error = await domainErrorOf(() =>
      t.repos.groupementSignatures.upsert(groupement.id, {
        organizationId: crypto.randomUUID(),
        signedOn: '2026-03-10',
        deliberationOn: null,
        deliberationReference: null,
      }),
    );
    expect(error.details?.issues?.[0]?.field).toBe('organizationId');
  });

  it('stores decision snapshots with the parameters they were computed with', async () => {
    const { groupement } = await setting();
    const launch = await t.repos.decisionSnapshots.insert({
      groupementId: groupement.id,
      procedureNumber: 1,
      kind: 'launch',
      decidedOn: '2026-04-01',
      values: { estimatedValueCents: 12_000_000, procedure: 'mapa_publicity' },
      parameters: { at: '2026-04-01', elasticities: { central: 0.05 } },
    });
    expect(await t.repos.decisionSnapshots.list(groupement.id)).toEqual([launch]);
  });

  it('round-trips lot awards and refuses the same lot twice in one procedure', async () => {
    const { groupement, a, b } = await setting();
    const award = {
      groupementId: groupement.id,
      procedureNumber: 1,
      lotKey: 'lot-1',
      lotLabel: 'Sel',
      holderSiret: '12345678900017',
      holderName: 'Salins',
      holderDepartementCode: '16',
      holderIsSme: true,
      price: { kind: 'unit' as const, unitPriceCents: 9_050 },
      awardedOn: '2026-06-01',
      startOn: '2026-07-01',
      durationMonths: 12,
      coverage: [
        { organizationId: a.id, forecastQuantity: 120.5 },
        { organizationId: b.id, forecastQuantity: null },
      ],
      contracts: [{ signatoryId: a.id, memberIds: [a.id, b.id] }],
    };
    const stored = await t.repos.lotAwards.insert(award);
    expect(await t.repos.lotAwards.listByGroupements([groupement.id])).toEqual([stored]);
    expect(stored.essentialData).toBeNull();
    expect((await domainErrorOf(() => t.repos.lotAwards.insert(award))).code).toBe('conflict');
    // The DECP essential data, completed after the award, read back as recorded.
    const essentialData = {
      notifiedOn: '2026-06-20',
      offersReceived: 4,
      priceTypes: ['Définitif révisable' as const],
      ccag: 'Fournitures courantes et services' as const,
      subcontractingDeclared: false,
      advanceGranted: true,
      isInnovative: false,
      operatorGrouping: 'Pas de groupement' as const,
      socialConsiderations: [],
      environmentalConsiderations: ['Clause environnementale' as const],
    };
    expect(await t.repos.lotAwards.setEssentialData(stored.id, essentialData)).toBe(true);
    expect(await t.repos.lotAwards.setEssentialData('no-such-award', essentialData)).toBe(false);
    expect((await t.repos.lotAwards.listByGroupements([groupement.id]))[0]?.essentialData).toEqual(essentialData);
  });

  it('replaces a month of consumption written again, and writes a batch all or nothing', async () => {
    const { groupement, a } = await setting();
    const entry = {
      groupementId: groupement.id,
      procedureNumber: 1,
      lotKey: 'lot-1',
      organizationId: a.id,
      period: '2026-07',
      quantity: 10.25,
      amountCents: 92_763,
      source: 'import' as const,
    };
    await t.repos.consumption.upsertMany([entry]);
    await t.repos.consumption.upsertMany([entry]);
    expect(await t.repos.consumption.listByGroupements([groupement.id])).toEqual([entry]);
    const bad = { ...entry, period: '2026-08', organizationId: crypto.randomUUID() };
    await domainErrorOf(() => t.repos.consumption.upsertMany([{ ...entry, period: '2026-09' }, bad]));
    expect(await t.repos.consumption.listByGroupements([groupement.id])).toEqual([entry]);
  });

  it('keeps the planned launch date of a groupement', async () => {
    const { groupement } = await setting();
    expect(await t.repos.groupementPlans.get(groupement.id)).toEqual({ plannedLaunchOn: null });
    await t.repos.groupementPlans.upsert(groupement.id, '2026-09-01');
    expect((await t.repos.groupementPlans.listByGroupements([groupement.id])).get(groupement.id)).toBe('2026-09-01');
  });
});
