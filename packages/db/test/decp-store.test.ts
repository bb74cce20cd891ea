import { type DecpAward, normalizeDecpAward, withSharedDecpId } from '@mutualis/core';
import { expect, it } from 'vitest';
import { buildRawDecpRecord } from '../../core/src/decp/build-raw-decp-record';
import { createDecpStore, findLaterImportOnSameBuyers, undoImport } from '../src/index';
import { buildTerritory, buildUser, forEachDialect, uniqueSiret } from './dialects';

const NOW = '2026-12-06T10:00:00.000Z';

/** A normalised award of the real PES record, with these fields replaced. */
function award(overrides: Record<string, unknown>): DecpAward {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

forEachDialect('DECP store', (t) => {
  const store = () => createDecpStore(t.m);
  const newImport = async (territoryId: string) =>
    (
      await t.repos.imports.insert({
        territoryId,
        kind: 'decp',
        status: 'running',
        userId: null,
        actor: 'test',
        fileNames: ['decp.json'],
        options: {},
        runner: null,
        now: NOW,
      })
    ).id;
  const contract = (key: string) => t.m.db.selectFrom('running_contracts').selectAll().where('decp_id', '=', key).executeTakeFirst();
  const organization = (siret: string) => t.m.db.selectFrom('organizations').selectAll().where('siret', '=', siret).executeTakeFirst();
  /** The organizations an import recorded as met, holders (is_buyer 0) first. */
  const metOrganizations = (importId: string) =>
    t.m.db
      .selectFrom('import_organizations')
      .select(['organization_id', 'is_buyer'])
      .where('import_id', '=', importId)
      .orderBy('is_buyer')
      .execute();
  const needsOf = async (organizationId: string) =>
    Object.fromEntries(
      (
        await t.m.db.selectFrom('needs').select(['cpv_code', 'annual_amount_cents']).where('organization_id', '=', organizationId).execute()
      ).map((n) => [n.cpv_code, n.annual_amount_cents]),
    );

  it('writes a chunk stamped with its import — buyer and holder organizations, the buyer a member, contracts — and the same chunk again changes nothing', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = await newImport(territory.id);
    const buyer = uniqueSiret();
    const holder = uniqueSiret();
    const titulaires = [{ typeIdentifiant: 'SIRET', id: holder, denominationSociale: 'AXIMA CONCEPT' }];
    const awards = [
      award({ acheteur: { id: buyer, nom: 'INOVALYS' }, id: 'A-1', titulaires }),
      award({ acheteur: { id: buyer }, id: 'A-2', titulaires }),
    ];
    const writer = store().writer({ importId, territoryId: territory.id, now: NOW });
    expect(await writer.writeChunk(awards)).toEqual({ imported: 2, updated: 0, unchanged: 0, refused: [], retargeted: [] });
    const buyerRow = await organization(buyer);
    // Lieu d'exécution « 44, Code département »: the buyer is placed in the Loire-Atlantique (région 52), commune unknown.
    expect([buyerRow?.name, buyerRow?.departement_code, buyerRow?.region_code, buyerRow?.insee_code, buyerRow?.import_id]).toEqual([
      'INOVALYS',
      '44',
      '52',
      '',
      importId,
    ]);
    expect([(await organization(holder))?.kind, (await organization(holder))?.import_id]).toEqual(['sme', importId]);
    expect(await t.repos.memberships.listTerritoryIds(buyerRow?.id ?? '')).toEqual([territory.id]);
    const stored = await contract(`${buyer}|A-1`);
    // 153,900 € over 38 months from 2018-12-17, as published.
    expect([
      stored?.organization_id,
      stored?.amount_cents,
      stored?.duration_months,
      stored?.start_date,
      stored?.holder_siret,
      stored?.import_id,
    ]).toEqual([buyerRow?.id, 15_390_000, 38, '2018-12-17', holder, importId]);

    const again = store().writer({ importId: await newImport(territory.id), territoryId: territory.id, now: NOW });
    expect(await again.writeChunk(awards)).toEqual({ imported: 0, updated: 0, unchanged: 2, refused: [], retargeted: [] });
    expect((await contract(`${buyer}|A-1`))?.import_id).toBe(importId);
  });

  it('gives a SIRET first stored as a holder the kind and place of a buyer when it appears as one (later chunk or later import), and undo puts the holder back', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const buyer = uniqueSiret();
    const holderThenBuyer = uniqueSiret();
    const laterBuyer = uniqueSiret();
    const first = await newImport(territory.id);
    const writer = store().writer({ importId: first, territoryId: territory.id, now: NOW });
    const holderOf = (siret: string) => [{ typeIdentifiant: 'SIRET', id: siret, denominationSociale: 'UGAP' }];
    await writer.writeChunk([
      award({ acheteur: { id: buyer }, id: 'H-1', titulaires: holderOf(holderThenBuyer) }),
      award({ acheteur: { id: buyer }, id: 'H-2', titulaires: holderOf(laterBuyer) }),
    ]);
    // Stored as holders: kind 'sme', no place.
    expect([(await organization(holderThenBuyer))?.kind, (await organization(laterBuyer))?.departement_code]).toEqual(['sme', '']);
    // A later chunk of the same import names it as a buyer: « Mairie de … » gives 'commune' (guessBuyerKind), the default place 44.
    await writer.writeChunk([award({ acheteur: { id: holderThenBuyer, nom: 'Mairie de Nantes' }, id: 'H-3', titulaires: [] })]);
    const adopted = await organization(holderThenBuyer);
    expect([adopted?.kind, adopted?.departement_code]).toEqual(['commune', '44']);

    // A later import names the other holder as a buyer: « Centre hospitalier … » gives 'hospital'.
    const second = await newImport(territory.id);
    await store()
      .writer({ importId: second, territoryId: territory.id, now: NOW })
      .writeChunk([award({ acheteur: { id: laterBuyer, nom: 'Centre hospitalier de Nantes' }, id: 'H-4', titulaires: [] })]);
    expect([(await organization(laterBuyer))?.kind, (await organization(laterBuyer))?.departement_code]).toEqual(['hospital', '44']);
    await undoImport(t.m, { importId: second, now: NOW });
    // Created by the first import, changed by the second: back as the first left it.
    expect([(await organization(laterBuyer))?.kind, (await organization(laterBuyer))?.departement_code]).toEqual(['sme', '']);
  });

  it('rewrites a contract whose DECP columns changed, keeps its previous values, and undoing the later import puts them back', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const buyer = uniqueSiret();
    const first = await newImport(territory.id);
    await store()
      .writer({ importId: first, territoryId: territory.id, now: NOW })
      .writeChunk([award({ acheteur: { id: buyer }, id: 'B-1' })]);
    const second = await newImport(territory.id);
    const corrected = award({ acheteur: { id: buyer }, id: 'B-1', montant: 307_800 });
    expect(await store().writer({ importId: second, territoryId: territory.id, now: NOW }).writeChunk([corrected])).toEqual({
      imported: 0,
      updated: 1,
      unchanged: 0,
      refused: [],
      retargeted: [],
    });
    expect((await contract(`${buyer}|B-1`))?.amount_cents).toBe(30_780_000);

    const undone = await undoImport(t.m, { importId: second, now: NOW });
    expect([undone.contractsRemoved, undone.contractsRestored, undone.organizationsRemoved]).toEqual([0, 1, 0]);
    expect((await contract(`${buyer}|B-1`))?.amount_cents).toBe(15_390_000);
  });

  it('keeps apart, across imports and whatever order the files give, two contracts a buyer published under one identifier', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const buyer = uniqueSiret();
    const writer = async () => store().writer({ importId: await newImport(territory.id), territoryId: territory.id, now: NOW });
    // Two lots of one operation under one id (as e-marchespublics publishes buyer 21590220600014's école Kléber).
    const lot3 = award({
      acheteur: { id: buyer },
      id: 'K-1',
      objet: 'Réhabilitation de l’école Kléber : Lot 3 : couverture',
      montant: 117_932,
    });
    const lot5 = award({
      acheteur: { id: buyer },
      id: 'K-1',
      objet: 'Réhabilitation de l’école Kléber : Lot 5 : menuiseries',
      montant: 146_953,
    });
    const keys = async () =>
      (
        await t.m.db
          .selectFrom('running_contracts')
          .select(['decp_id', 'label', 'decp_flags_json'])
          .where('decp_id', 'like', `${buyer}|K-1%`)
          .orderBy('decp_id')
          .execute()
      ).map((r) => [
        r.decp_id?.replace(/~[0-9a-f]{8}$/, '~…'),
        r.label.replace(/^.*(Lot \d+).*$/, '$1'),
        (r.decp_flags_json ?? '').includes('"id_shared"'),
      ]);

    await (await writer()).writeChunk([lot3]);
    const buyerIds = new Map([[buyer, (await organization(buyer))?.id ?? '']]);
    // The preview says what the writer then does.
    expect(await store().compare([lot5], buyerIds)).toEqual(['new']);
    // A later import (a daily delta) brings lot 5 alone, under the same id: another contract, not an update of lot 3.
    const delta = await (await writer()).writeChunk([lot5]);
    expect([
      delta.imported,
      delta.updated,
      delta.unchanged,
      delta.retargeted.map((r) => [r.before.key, r.after.flags.at(-1)?.code]),
    ]).toEqual([1, 0, 0, [[`${buyer}|K-1`, 'id_shared']]]);
    const both = [
      [`${buyer}|K-1`, 'Lot 3', false],
      [`${buyer}|K-1~…`, 'Lot 5', true],
    ];
    expect(await keys()).toEqual(both);

    // The whole file later, lot 5 first: the pass keys lot 5 under K-1 and moves lot 3 to an id of its own;
    // the contracts stored decide, and nothing new is written.
    expect(await store().compare([lot5, withSharedDecpId(lot3)], buyerIds)).toEqual(['unchanged', 'unchanged']);
    const reversed = await (await writer()).writeChunk([lot5, withSharedDecpId(lot3)]);
    expect([reversed.imported, reversed.updated, reversed.unchanged, reversed.retargeted.length]).toEqual([0, 0, 2, 2]);
    expect(await keys()).toEqual(both);

    // A republication of lot 3 with a corrected amount (same objet) updates it.
    expect(await store().compare([{ ...lot3, amountCents: 12_000_000 }], buyerIds)).toEqual(['updated']);
    const corrected = await (await writer()).writeChunk([{ ...lot3, amountCents: 12_000_000 }]);
    expect([corrected.imported, corrected.updated, corrected.retargeted]).toEqual([0, 1, []]);
  });

  it('refuses only the award the database refuses, under its savepoint, and writes the others of the chunk', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = await newImport(territory.id);
    const buyer = uniqueSiret();
    // A nature the normalisation never gives: the column is NOT NULL.
    const broken = { ...award({ acheteur: { id: buyer }, id: 'C-2' }), nature: null } as unknown as DecpAward;
    const outcome = await store()
      .writer({ importId, territoryId: territory.id, now: NOW })
      .writeChunk([award({ acheteur: { id: buyer }, id: 'C-1' }), broken, award({ acheteur: { id: buyer }, id: 'C-3' })]);
    expect([outcome.imported, outcome.refused.map((r) => r.award.key)]).toEqual([2, [`${buyer}|C-2`]]);
    expect(outcome.refused[0]?.reason).toMatch(/^refusé par la base de données : .*null/i);
    expect(
      [await contract(`${buyer}|C-1`), await contract(`${buyer}|C-2`), await contract(`${buyer}|C-3`)].map((c) => c !== undefined),
    ).toEqual([true, false, true]);
  });

  it('proposes its buyers’ needs per purchase from every stored contract, and undoing the import removes them with its organizations', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = await newImport(territory.id);
    const buyer = uniqueSiret();
    const titulaires = [{ typeIdentifiant: 'SIRET', id: uniqueSiret(), denominationSociale: 'AXIMA CONCEPT' }];
    const writer = store().writer({ importId, territoryId: territory.id, now: NOW });
    // Class 50700000: 153,900 € over 38 months + 120,000 € over 12 → 15,390,000 × 12 / 38 + 12,000,000 = 16,860,000 cents a year.
    // 90911200 (its own code: a need is a recurring purchase at its contracts' code): 24,000 € over 24 months → 1,200,000 cents a year.
    await writer.writeChunk([
      award({ acheteur: { id: buyer }, id: 'D-1', titulaires }),
      award({ acheteur: { id: buyer }, id: 'D-2', montant: 120_000, dureeMois: 12, codeCPV: '50700000', titulaires }),
      award({ acheteur: { id: buyer }, id: 'D-3', montant: 24_000, dureeMois: 24, codeCPV: '90911200', titulaires: [] }),
    ]);
    expect((await writer.finish()).proposedNeeds).toEqual({ created: 2, updated: 0, removed: 0 });
    const buyerId = (await organization(buyer))?.id ?? '';
    expect(await needsOf(buyerId)).toEqual({ '50700000': 16_860_000, '90911200': 1_200_000 });

    const undone = await undoImport(t.m, { importId, now: NOW });
    // The buyer and the one holder (shared by D-1 and D-2), both created by this import, are removed; the needs with them.
    expect([
      undone.contractsRemoved,
      undone.needsRemoved,
      undone.membershipsRemoved,
      undone.organizationsRemoved,
      undone.organizationsKept,
    ]).toEqual([3, 2, 1, 2, 0]);
    expect(await organization(buyer)).toBeUndefined();
    expect(await t.m.db.selectFrom('needs').select('id').where('organization_id', '=', buyerId).execute()).toEqual([]);
  });

  it('records a holder met again in a later chunk once, still names it on each contract, and removes it on undo', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = await newImport(territory.id);
    const [firstBuyer, secondBuyer, holder] = [uniqueSiret(), uniqueSiret(), uniqueSiret()];
    const titulaires = [{ typeIdentifiant: 'SIRET', id: holder, denominationSociale: 'AXIMA CONCEPT' }];
    const writer = store().writer({ importId, territoryId: territory.id, now: NOW });
    // Chunk 2 meets the holder of chunk 1 again (the writer knows it by its SIRET), under another buyer.
    await writer.writeChunk([award({ acheteur: { id: firstBuyer }, id: 'R-1', titulaires })]);
    await writer.writeChunk([award({ acheteur: { id: secondBuyer }, id: 'R-2', titulaires })]);
    const holderId = (await organization(holder))?.id ?? '';
    const met = await metOrganizations(importId);
    // Three organisations met: the holder (is_buyer 0) once, the two buyers.
    expect(met.map((m) => [m.organization_id === holderId, m.is_buyer])).toEqual([
      [true, 0],
      [false, 1],
      [false, 1],
    ]);
    expect([(await contract(`${firstBuyer}|R-1`))?.holder_siret, (await contract(`${secondBuyer}|R-2`))?.holder_siret]).toEqual([
      holder,
      holder,
    ]);
    await writer.finish();

    const undone = await undoImport(t.m, { importId, now: NOW });
    // Both buyers and the holder were created by this import: all three go.
    expect([undone.contractsRemoved, undone.organizationsRemoved, undone.organizationsKept]).toEqual([2, 3, 0]);
    expect(await organization(holder)).toBeUndefined();
  });

  it('writes a chunk after forgetting its organizations as before: each organization met, stored and made a member once', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = await newImport(territory.id);
    const [buyer, holder] = [uniqueSiret(), uniqueSiret()];
    const titulaires = [{ typeIdentifiant: 'SIRET', id: holder, denominationSociale: 'AXIMA CONCEPT' }];
    const writer = store().writer({ importId, territoryId: territory.id, now: NOW });
    await writer.writeChunk([award({ acheteur: { id: buyer }, id: 'F-1', titulaires })]);
    writer.forgetOrganizations();
    // The same buyer and holder again: the writer no longer remembers them and must find them stored.
    await writer.writeChunk([award({ acheteur: { id: buyer }, id: 'F-2', titulaires })]);
    const [buyerId, holderId] = [(await organization(buyer))?.id ?? '', (await organization(holder))?.id ?? ''];
    const sirets = await t.m.db.selectFrom('organizations').select('siret').where('siret', 'in', [buyer, holder]).execute();
    expect(sirets.map((o) => o.siret).sort()).toEqual([buyer, holder].sort());
    const met = await metOrganizations(importId);
    expect(met).toEqual([
      { organization_id: holderId, is_buyer: 0 },
      { organization_id: buyerId, is_buyer: 1 },
    ]);
    const members = await t.m.db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territory.id)
      .execute();
    expect(members).toEqual([{ organization_id: buyerId }]);
    expect([(await contract(`${buyer}|F-1`))?.organization_id, (await contract(`${buyer}|F-2`))?.organization_id]).toEqual([
      buyerId,
      buyerId,
    ]);
  });

  // A buyer's first award names no place (the consolidation publishes some without lieuExecution), its second
  // one Loire-Atlantique (44): written in one chunk or in two, the buyer is stored in 44. Placing it by the
  // first award of each chunk would leave the one-chunk buyer without a place: the place would follow the cut.
  it('stores a buyer at the place of its first award that gives one, however the awards are cut into chunks', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const [together, apart] = [uniqueSiret(), uniqueSiret()];
    const awardsOf = (siret: string) => [
      award({ acheteur: { id: siret }, id: 'P-1', lieuExecution: undefined }),
      award({ acheteur: { id: siret }, id: 'P-2' }),
    ];
    expect(awardsOf(together).map((a) => a.executionPlace?.code ?? null)).toEqual([null, '44']);
    const oneChunk = store().writer({ importId: await newImport(territory.id), territoryId: territory.id, now: NOW });
    await oneChunk.writeChunk(awardsOf(together));
    const twoChunks = store().writer({ importId: await newImport(territory.id), territoryId: territory.id, now: NOW });
    const [first, second] = awardsOf(apart);
    await twoChunks.writeChunk([first as DecpAward]);
    await twoChunks.writeChunk([second as DecpAward]);
    expect([(await organization(together))?.departement_code, (await organization(apart))?.departement_code]).toEqual(['44', '44']);
  });

  it('keeps on undo an organization it created that a user now acts for, and a need its buyer confirmed', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = await newImport(territory.id);
    const buyer = uniqueSiret();
    const writer = store().writer({ importId, territoryId: territory.id, now: NOW });
    await writer.writeChunk([award({ acheteur: { id: buyer }, id: 'E-1', titulaires: [] })]);
    await writer.finish();
    const buyerId = (await organization(buyer))?.id ?? '';
    const user = await t.repos.users.insert(buildUser());
    await t.repos.users.addRole({ userId: user.id, role: 'member', territoryId: territory.id, organizationId: buyerId });
    const [need] = (await t.repos.needs.list({ organizationId: buyerId })).items;
    await t.repos.needs.update(need?.id ?? '', { status: 'confirmed' });

    const undone = await undoImport(t.m, { importId, now: NOW });
    expect([undone.contractsRemoved, undone.needsRemoved, undone.organizationsRemoved, undone.organizationsKept]).toEqual([1, 0, 0, 1]);
    expect((await organization(buyer))?.id).toBe(buyerId);
    expect((await t.repos.needs.getById(need?.id ?? ''))?.status).toBe('confirmed');
  });

  it('names the later import still in effect that met the same buyers, and none once it is undone', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const buyer = uniqueSiret();
    const first = await newImport(territory.id);
    await store()
      .writer({ importId: first, territoryId: territory.id, now: NOW })
      .writeChunk([award({ acheteur: { id: buyer }, id: 'F-1' })]);
    const second = (
      await t.repos.imports.insert({
        territoryId: territory.id,
        kind: 'decp',
        status: 'done',
        userId: null,
        actor: 'test',
        fileNames: ['decp.json'],
        options: {},
        runner: null,
        now: '2026-12-06T11:00:00.000Z',
      })
    ).id;
    await store()
      .writer({ importId: second, territoryId: territory.id, now: NOW })
      .writeChunk([award({ acheteur: { id: buyer }, id: 'F-1' })]);
    expect((await findLaterImportOnSameBuyers(t.m, first))?.id).toBe(second);
    expect(await findLaterImportOnSameBuyers(t.m, second)).toBeUndefined();
    await t.repos.imports.update(second, { status: 'undone', now: NOW });
    expect(await findLaterImportOnSameBuyers(t.m, first)).toBeUndefined();
  });
});
