import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../src/index';
import { buildOrganization, buildRunningContract, buildTerritory, forEachDialect } from './dialects';

// Two lines as `explainDecpProvenance` writes them (core's explain-decp-provenance.test.ts).
const LINES = [
  'Durée portée de 38 à 50 mois par la modification du 1er juin 2019 (modifications[0]) : fin au 17 février 2023 au lieu du 17 février 2022.',
  'Montant HT porté de 153 900,00 € à 160 000,50 € par la modification du 1er juin 2019 (modifications[0]).',
];

forEachDialect('running contracts: DECP provenance column', (t) => {
  const storedText = async (id: string) =>
    (await t.m.db.selectFrom('running_contracts').select('decp_provenance').where('id', '=', id).executeTakeFirstOrThrow()).decp_provenance;

  it('stores the explanation lines as one text joined by line breaks and reads them back as a list', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const decpId = `${org.siret}|${crypto.randomUUID()}`;
    const stored = await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: org.id, source: 'decp', decpId, decpProvenance: LINES }),
    );
    expect(stored.decpProvenance).toEqual(LINES);
    expect(await storedText(stored.id)).toBe(`${LINES[0]}\n${LINES[1]}`);
    expect((await t.repos.runningContracts.getByDecpId(decpId))?.decpProvenance).toEqual(LINES);
  });

  it('stores NULL for a contract with no explanation and reads it as an empty list', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const manual = await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id }));
    const plain = await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id, decpProvenance: [] }));
    expect([await storedText(manual.id), await storedText(plain.id)]).toEqual([null, null]);
    expect([manual.decpProvenance, plain.decpProvenance]).toEqual([[], []]);
  });

  it('returns the explanation in lists and territory reads, and lets an update replace or clear it', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(territory.id, org.id);
    const stored = await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id, decpProvenance: LINES }));
    expect((await t.repos.runningContracts.listForTerritory(territory.id)).map((c) => c.decpProvenance)).toEqual([LINES]);
    const page = await t.repos.runningContracts.list({ territoryId: territory.id }, { limit: 10, offset: 0 });
    expect(page.items.map((c) => c.decpProvenance)).toEqual([LINES]);

    const replaced = await t.repos.runningContracts.update(stored.id, { decpProvenance: [LINES[1] as string] });
    expect(replaced?.decpProvenance).toEqual([LINES[1]]);
    const untouched = await t.repos.runningContracts.update(stored.id, { label: 'Papier recyclé' });
    expect(untouched?.decpProvenance).toEqual([LINES[1]]);
    await t.repos.runningContracts.update(stored.id, { decpProvenance: [] });
    expect(await storedText(stored.id)).toBeNull();
  });

  // Last of this file: it moves this describe's own database down one migration and back up.
  it('adds the column as NULL to contracts stored before the migration, and its down step removes it', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const migrator = new Migrator({ db: t.m.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo('202611281200_deferred_indexes');
    expect(down.error).toBeUndefined();
    // Later migrations go down first; all must succeed.
    expect(down.results?.every((r) => r.direction === 'Down' && r.status === 'Success')).toBe(true);
    expect(down.results?.map((r) => r.migrationName).filter((name) => name <= '202611281400_decp_id_unique_index')).toEqual([
      '202611281400_decp_id_unique_index',
      '202611281300_decp_provenance',
    ]);
    const columns = async () =>
      (await t.m.db.introspection.getTables()).find((table) => table.name === 'running_contracts')?.columns.map((c) => c.name) ?? [];
    expect(await columns()).not.toContain('decp_provenance');
    // A contract written by the previous schema (no decp_provenance column).
    const { id } = await t.m.db.insertInto('running_contracts').values(oldSchemaRow(org.id)).returning('id').executeTakeFirstOrThrow();
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await columns()).toContain('decp_provenance');
    expect(await storedText(id)).toBeNull();
    expect((await t.repos.runningContracts.getById(id))?.decpProvenance).toEqual([]);
  });
});

/** A `running_contracts` row as the schema before 202611281300 had it (no `decp_provenance`). */
function oldSchemaRow(organizationId: string) {
  const c = buildRunningContract({ organizationId });
  const now = '2026-11-28T12:00:00.000Z';
  return {
    id: crypto.randomUUID(),
    organization_id: organizationId,
    reference: c.reference,
    cpv_code: c.cpvCode,
    label: c.label,
    holder_siret: c.holderSiret,
    holder_name: c.holderName,
    notification_date: c.notificationDate,
    start_date: c.startDate,
    duration_months: c.durationMonths,
    renewal_count: c.renewalCount,
    renewal_months: c.renewalMonths,
    notice_months: c.noticeMonths,
    renewals_used: c.renewalsUsed,
    amount_cents: c.amountCents,
    nature: c.nature,
    source: c.source,
    decp_id: c.decpId,
    created_at: now,
    updated_at: now,
  };
}
