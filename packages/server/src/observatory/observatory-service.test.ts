import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSiret } from '@mutualis/core';
import { createDatabase, createRepositories, type MutualisDb } from '@mutualis/db';
import { expect, it } from 'vitest';
import { buildTerritory, forEachDialect } from '../../../db/test/dialects';
import { TerritoryVersions } from '../cache/territory-versions';
import { ImportJobs } from '../import/import-jobs';
import { ObservatoryService, observatoryOf, warmUpObservatory } from './observatory-service';
import { evidencePrefixOf, presentObservatoryOpportunity } from './present-observatory';

const INDRE = '22360001600016';
// Châteauroux: SIREN 213600448 (INSEE 36044 in the official list of communes), establishment 0010 (`buildSiret` adds both check digits).
const CHATEAUROUX = buildSiret('21360044', '0010');

/** A DECP 2019 award as the platforms publish it, placed in the Indre (36). */
function award(
  buyer: { id: string; nom: string },
  fields: { id: string; codeCPV: string; date: string; dureeMois: number; montant: number },
) {
  return {
    id: fields.id,
    source: 'data.gouv.fr_pes',
    acheteur: buyer,
    _type: 'Marché',
    nature: 'Marché',
    objet: 'Assurance des risques statutaires et de la flotte automobile',
    codeCPV: fields.codeCPV,
    procedure: "Appel d'offres ouvert",
    lieuExecution: { code: '36', typeCode: 'Code département', nom: 'Indre' },
    dureeMois: fields.dureeMois,
    dateNotification: `${fields.date}+01:00`,
    datePublicationDonnees: `${fields.date}+01:00`,
    montant: fields.montant,
    formePrix: 'Ferme',
    titulaires: [{ typeIdentifiant: 'SIRET', id: '78471226700060', denominationSociale: 'Assureur' }],
    modifications: [],
  };
}

// The département publishes with a broken accent and a lost apostrophe; it re-tendered its insurance:
// 200 000 € from 2020-01-01 for 48 months (ends 2024-01-01), then 240 000 € notified 2023-10-01 for 48
// months, 3 months before the end (within 6): one chain, counted at the current contract's
// 240 000 × 12 / 48 = 60 000 €/year. Châteauroux: 30 000 € for 12 months (30 000 €/year), and a
// placeholder of 99 999 999 € (flagged amount_sentinel) that would add 99 999 999 × 12 / 24 ≈ 50 M€/year.
// Names: « D�partement de l Indre » is repaired to « Département de l'Indre » (the accent from the
// vocabulary, the apostrophe of « l Indre »); « BUDGET PRINCIPAL » names a budget, not a legal unit:
// the official list of communes gives SIREN 213600448 = Châteauroux, « Commune de Châteauroux ».
const indre = { id: INDRE, nom: 'D\uFFFDpartement de l Indre' };
const chateauroux = { id: CHATEAUROUX, nom: 'BUDGET PRINCIPAL' };
const RECORDS = [
  award(indre, { id: '2020INS01', codeCPV: '66516000-0', date: '2020-01-01', dureeMois: 48, montant: 200_000 }),
  award(indre, { id: '2023INS02', codeCPV: '66516000-0', date: '2023-10-01', dureeMois: 48, montant: 240_000 }),
  award(chateauroux, { id: '2022ASS01', codeCPV: '66510000-8', date: '2022-01-01', dureeMois: 12, montant: 30_000 }),
  award(chateauroux, { id: '2022ASS02', codeCPV: '66516000-0', date: '2022-03-01', dureeMois: 24, montant: 99_999_999 }),
];

/** Imports DECP records into a new territory of `slug`, as a facilitator would (every buyer kept); returns a function importing more. */
async function importer(m: MutualisDb, slug: string, records: unknown[]): Promise<(name: string, more: unknown[]) => Promise<void>> {
  const territory = await createRepositories(m).territories.insert(buildTerritory({ slug }));
  const dir = mkdtempSync(join(tmpdir(), `${slug}-`));
  const jobs = new ImportJobs({ m, importDir: dir, now: () => new Date() });
  const importRecords = async (name: string, more: unknown[]) => {
    writeFileSync(join(dir, name), JSON.stringify({ marches: more }));
    await jobs.importDecpNow({
      territoryId: territory.id,
      actor: { userId: null, label: 'test' },
      files: [{ path: join(dir, name), name }],
      scope: { departements: [], includeOutside: true },
    });
  };
  await importRecords('decp.json', records);
  return importRecords;
}

forEachDialect('the observatory over imported DECP records', (t) => {
  it('counts a chain once, leaves a placeholder amount out until confirmed, and names buyers after their legal units (accents repaired, « BUDGET PRINCIPAL » named by its commune)', async () => {
    const repos = createRepositories(t.m);
    await importer(t.m, 'indre-observatoire', RECORDS);
    const versions = new TerritoryVersions();
    const service = new ObservatoryService({ versions });
    const snapshot = await service.current(repos);
    const [insurance] = snapshot.observatory.ranked.get('36') ?? [];
    // 60 000 + 30 000 = 90 000 €/year over 3 contracts (the placeholder is not one of them).
    expect(insurance?.members.map((m) => [m.siret, m.name, m.annualAmountCents, m.contractCount])).toEqual([
      [INDRE, "Département de l'Indre", 6_000_000, 2],
      [CHATEAUROUX, 'Commune de Châteauroux', 3_000_000, 1],
    ]);
    expect([insurance?.id, insurance?.annualAmountCents, insurance?.contractCount]).toEqual(['66510000@36', 9_000_000, 3]);

    // The evidence lists the placeholder too, without a yearly amount.
    const evidence = await repos.observatory.listEvidence([INDRE, CHATEAUROUX], evidencePrefixOf('66510000'));
    const detail = presentObservatoryOpportunity(snapshot, { opportunity: insurance ?? never(), rank: 1 }, evidence);
    expect(detail.contracts.map((c) => [c.reference, c.annualAmountCents, c.isCounted]).sort()).toEqual([
      ['2020INS01', 5_000_000, true],
      ['2022ASS01', 3_000_000, true],
      ['2022ASS02', null, false],
      ['2023INS02', 6_000_000, true],
    ]);

    // The facilitator confirms the placeholder as the real amount: the delta counts it, 9 999 999 900 × 12 / 24 = 4 999 999 950 cents/year.
    const placeholder = await t.m.db
      .selectFrom('running_contracts')
      .select(['id', 'amount_cents'])
      .where('decp_id', 'like', '%2022ASS02')
      .executeTakeFirstOrThrow();
    await repos.runningContracts.update(placeholder.id, {
      decpFlagReviews: { amount_sentinel: { value: Number(placeholder.amount_cents), by: 'test', at: '2026-12-06T21:00:00.000Z' } },
    });
    versions.invalidateAll();
    const after = await service.current(repos);
    expect(after.observatory.ranked.get('36')?.[0]?.members.map((m) => [m.siret, m.annualAmountCents])).toEqual([
      [CHATEAUROUX, 3_000_000 + 4_999_999_950],
      [INDRE, 6_000_000],
    ]);
  });
});

forEachDialect('the observatory after a daily delta', (t) => {
  it('gives, after new contracts are imported, what a rebuild from the database gives', async () => {
    const repos = createRepositories(t.m);
    const importRecords = await importer(t.m, 'indre-delta', RECORDS);
    const versions = new TerritoryVersions();
    const service = new ObservatoryService({ versions });
    await service.current(repos);
    // The next day: Châteauroux buys office machines (a division it had no contract in) and renews its insurance.
    await importRecords('day2.json', [
      award(chateauroux, { id: '2024BUR01', codeCPV: '30192000-1', date: '2024-02-01', dureeMois: 24, montant: 48_000 }),
      award(chateauroux, { id: '2023ASS03', codeCPV: '66510000-8', date: '2023-01-01', dureeMois: 12, montant: 36_000 }),
      award(indre, { id: '2024BUR02', codeCPV: '30192000-1', date: '2024-03-01', dureeMois: 12, montant: 12_000 }),
    ]);
    versions.invalidateAll();
    const updated = await service.current(repos);
    const rebuilt = await new ObservatoryService({ versions: new TerritoryVersions() }).current(repos);
    const shown = (o: typeof updated.observatory) => [...o.ranked.entries()].sort();
    expect(shown(updated.observatory)).toEqual(shown(rebuilt.observatory));
    // Office machines: Châteauroux 48 000 × 12 / 24 = 24 000 €/year and the Indre 12 000 €/year, two SIRENs of the Indre.
    expect(updated.observatory.opportunities.get('36|30190000')?.members.map((m) => [m.siret, m.annualAmountCents])).toEqual([
      [CHATEAUROUX, 2_400_000],
      [INDRE, 1_200_000],
    ]);
  });
});

forEachDialect('the observatory built ahead of its first visitor', (t) => {
  it('is built by the warm-up: its first request reads nothing more', async () => {
    const repos = createRepositories(t.m);
    await importer(t.m, 'indre-avance', RECORDS);
    const errors: unknown[] = [];
    await warmUpObservatory(t.m, (error) => errors.push(error));
    // The contracts disappear behind the server's back (no write it could see): the first request still shows what the warm-up built.
    await t.m.db.deleteFrom('running_contracts').where('source', '=', 'decp').execute();
    const snapshot = await observatoryOf(t.m).current(repos);
    expect([errors, snapshot.observatory.ranked.get('36')?.[0]?.id]).toEqual([[], '66510000@36']);
  });
});

it('warms up without failing when the observatory cannot be built, and tells why', async () => {
  // A database without tables: the first read fails.
  const empty = await createDatabase('sqlite::memory:');
  const errors: unknown[] = [];
  await warmUpObservatory(empty, (error) => errors.push(error));
  await empty.close();
  expect(errors).toHaveLength(1);
});

function never(): never {
  throw new Error('no opportunity');
}
