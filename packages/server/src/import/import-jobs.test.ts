import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecpImportPreview } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, forEachDialect } from '../../../db/test/dialects';
import { resolveBuyerIdentities } from '../identities/resolve-buyer-identities';
import { ImportJobs } from './import-jobs';
import { readImportResults } from './import-record';

const SAMPLE = join(import.meta.dirname, '../../test/fixtures/decp/real-2019-sample.json');
const ACTOR = { userId: null, label: 'Animatrice <animatrice@exemple.fr>' };

/**
 * The 40 records of real-2019-sample.json have 40 distinct buyers (read by hand in the file):
 * - in the Vendée (lieuExecution « 85 », Code département): records 10 (SDIS de la Vendée,
 *   28850001000013: 80,000 € over 12 months, CPV 45314000) and 25 (Département de la Vendée,
 *   22850001300658: 201,868 € over 48 months, CPV 50230000);
 * - record 20: the commune of Lambersart (21590328700013, place 59130 in the Nord: 1,200,000 € over
 *   12 months, CPV 77211500), which the tests first make a member of the territory;
 * - in La Réunion (« 974 »): records 33 and 36;
 * - the 35 others elsewhere or of unknown place.
 * Scope { départements: 85 }: inside 3 buyers (1 member, 2 located), 3 new contracts, 3 proposed
 * needs (one family each); outside 37 buyers, 37 records, 2 of them in 974.
 */
forEachDialect('import jobs: preview, confirm, undo, recovery', (t) => {
  const jobs = () => new ImportJobs({ m: t.m, importDir: mkdtempSync(join(tmpdir(), 'imports-')), now: () => new Date() });
  /** A copy of the sample, as an upload leaves it (the job moves it into its own directory). */
  const upload = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'upload-')), 'decp.json');
    copyFileSync(SAMPLE, path);
    return { path, name: 'decp-2019.json' };
  };
  /**
   * A DECP 2019 file of one-year supply contracts (12,000 €, office paper) of these ids and buyers,
   * executed in Strasbourg unless `inStrasbourg` is false (then without lieuExecution).
   */
  const decpUpload = (records: readonly { id: string; buyer: { siret: string; name: string }; inStrasbourg?: boolean }[]) => {
    const path = join(mkdtempSync(join(tmpdir(), 'upload-')), 'decp.json');
    const marches = records.map(({ id, buyer, inStrasbourg = true }) => ({
      id,
      acheteur: { id: buyer.siret, nom: buyer.name },
      nature: 'Marché',
      objet: 'Fourniture de papier de bureau',
      codeCPV: '30197630',
      procedure: 'Procédure adaptée',
      ...(inStrasbourg ? { lieuExecution: { code: '67000', typeCode: 'Code postal', nom: 'Strasbourg' } } : {}),
      dureeMois: 12,
      dateNotification: '2025-03-01',
      datePublicationDonnees: '2025-03-15',
      montant: 12_000,
      formePrix: 'Ferme',
      titulaires: [],
      modifications: [],
    }));
    writeFileSync(path, JSON.stringify({ marches }));
    return { path, name: 'decp-noms.json' };
  };
  const territoryWithLambersart = async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const lambersart =
      (await t.repos.organizations.getBySiret('21590328700013')) ??
      (await t.repos.organizations.insert(buildOrganization({ siret: '21590328700013', name: 'Commune de Lambersart' })));
    await t.repos.memberships.add(territory.id, lambersart.id);
    return territory;
  };

  /** The sample imported by the animatrice into the territory, scoped to the Vendée (85). */
  const startInVendee = (runner: ImportJobs, territoryId: string, options: { isConfirmed?: boolean } = {}) =>
    runner.startDecp({ territoryId, actor: ACTOR, uploads: [upload()], scope: { departements: ['85'] }, ...options });

  it('previews an import into a territory: its members and the buyers of its départements inside, the others counted by département', async () => {
    const territory = await territoryWithLambersart();
    const runner = jobs();
    const started = await startInVendee(runner, territory.id);
    expect([started.status, started.actor, started.fileNames]).toEqual(['previewing', ACTOR.label, ['decp-2019.json']]);
    await runner.idle();
    const record = await runner.record(started.id);
    expect(record.status).toBe('previewed');
    const preview = record.preview as DecpImportPreview;
    expect([preview.read, preview.rejected, preview.duplicates]).toEqual([40, 0, 0]);
    expect(preview.contracts).toEqual({ new: 3, updated: 0, unchanged: 0, flagged: 0, flaggedByCode: {} });
    expect(preview.buyers.inside).toMatchObject({ count: 3, members: 1, located: 2, new: 2 });
    expect(preview.buyers.inside.list.map((b) => b.siret).sort()).toEqual(['21590328700013', '22850001300658', '28850001000013']);
    expect([preview.buyers.outside.count, preview.buyers.outside.records]).toEqual([37, 37]);
    expect(preview.buyers.outside.byDepartement.find((d) => d.code === '974')).toEqual({ code: '974', buyers: 2, records: 2 });
    expect(preview.needs).toEqual({ new: 3, existing: 0 });
    // Nothing written by a preview.
    expect(await t.repos.organizations.getBySiret('28850001000013')).toBeUndefined();
  });

  it('imports once confirmed — the scope’s buyers only — and undoes it as a whole', async () => {
    const territory = await territoryWithLambersart();
    const runner = jobs();
    const started = await startInVendee(runner, territory.id);
    await runner.idle();
    await runner.confirmDecp(started.id);
    await runner.idle();
    const done = await runner.record(started.id);
    expect([done.status, done.confirmedAt !== null, done.finishedAt !== null]).toEqual(['done', true, true]);
    const result = readImportResults(done).decp;
    expect([result?.read, result?.imported, result?.outside, result?.proposedNeeds.created]).toEqual([40, 3, 37, 3]);
    const sdis = await t.repos.organizations.getBySiret('28850001000013');
    expect(await t.repos.memberships.listTerritoryIds(sdis?.id ?? '')).toEqual([territory.id]);
    expect(await t.repos.organizations.getBySiret('21974002400019')).toBeUndefined(); // Bras-Panon (974): outside, not stored

    await runner.undo(started.id, ACTOR.label);
    await runner.idle();
    const undone = await runner.record(started.id);
    expect([undone.status, undone.undoneBy]).toEqual(['undone', ACTOR.label]);
    // 3 contracts; the SDIS, the Département and their 3 holders created; Lambersart was there before (kept, still a member).
    expect(readImportResults(undone).undo).toMatchObject({ contractsRemoved: 3, organizationsRemoved: 5, membershipsRemoved: 2 });
    expect(await t.repos.organizations.getBySiret('28850001000013')).toBeUndefined();
    const lambersart = await t.repos.organizations.getBySiret('21590328700013');
    expect(await t.repos.memberships.listTerritoryIds(lambersart?.id ?? '')).toContain(territory.id);
    expect((await t.repos.runningContracts.list({ organizationId: lambersart?.id ?? '' })).total).toBe(0);
  });

  /**
   * A new buyer whose first record gives no place (no lieuExecution) and whose second, in the same
   * file, is executed in Strasbourg (67): the scope places it as the writer stores it, by its first
   * award that gives a place, so an import scoped to the Bas-Rhin takes both records.
   */
  it('places a new buyer in the scope by its first award that gives a place, as the writer stores it', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const buyer = { siret: '21670482500019', name: 'Commune de Strasbourg' };
    const file = decpUpload([
      { id: '2025-P-1', buyer, inStrasbourg: false },
      { id: '2025-P-2', buyer },
    ]);
    const runner = jobs();
    const started = await runner.startDecp({
      territoryId: territory.id,
      actor: ACTOR,
      uploads: [file],
      scope: { departements: ['67'] },
    });
    await runner.idle();
    const preview = (await runner.record(started.id)).preview as DecpImportPreview;
    expect(preview.buyers.inside.list.map((b) => [b.siret, b.departementCode, b.records])).toEqual([[buyer.siret, '67', 2]]);
    expect([preview.buyers.outside.count, preview.contracts.new]).toEqual([0, 2]);
    await runner.confirmDecp(started.id);
    await runner.idle();
    expect(readImportResults(await runner.record(started.id)).decp?.imported).toBe(2);
    expect((await t.repos.organizations.getBySiret(buyer.siret))?.departementCode).toBe('67');
  });

  it('refuses to undo an import under a later one on the same buyers, and a preview twice confirmed', async () => {
    const territory = await territoryWithLambersart();
    const runner = jobs();
    const first = await startInVendee(runner, territory.id, { isConfirmed: true });
    await runner.idle();
    const second = await startInVendee(runner, territory.id, { isConfirmed: true });
    await runner.idle();
    expect(readImportResults(await runner.record(second.id)).decp?.unchanged).toBe(3);
    await expect(runner.undo(first.id, ACTOR.label)).rejects.toThrow(
      /Un import plus récent .* porte sur les mêmes acheteurs : annulez-le d’abord/,
    );
    await expect(runner.confirmDecp(second.id)).rejects.toThrow('Cet import est « done » : action impossible maintenant.');
    await runner.undo(second.id, ACTOR.label);
    await runner.idle();
    await runner.undo(first.id, ACTOR.label);
    await runner.idle();
    expect((await runner.record(first.id)).status).toBe('undone');
  });

  it('undoes what a dead process’s import had written when the next one starts, and marks it failed', async () => {
    const territory = await territoryWithLambersart();
    const runner = jobs();
    const started = await startInVendee(runner, territory.id, { isConfirmed: true });
    await runner.idle();
    // As a process killed mid-import leaves it: still running, run by a process that is gone.
    await t.repos.imports.update(started.id, { status: 'running', runner: `${hostname()}:999999999`, now: new Date().toISOString() });
    await runner.recover();
    await runner.idle();
    const recovered = await runner.record(started.id);
    expect([recovered.status, recovered.error]).toEqual([
      'failed',
      'Import interrompu (le processus s’est arrêté) : ce qu’il avait écrit est annulé.',
    ]);
    expect(readImportResults(recovered).undo?.contractsRemoved).toBe(3);
    expect(await t.repos.organizations.getBySiret('28850001000013')).toBeUndefined();
  });

  it('puts an organisation’s published names back as they were before the import it survives', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const city = await t.repos.organizations.insert(buildOrganization({ name: 'Ville de Strasbourg' }));
    await t.repos.memberships.add(territory.id, city.id);
    // Before the import: one name published 3 times, resolved (the name stays the organisation's).
    await t.repos.buyerIdentities.recordPublishedNames(new Map([[city.siret, new Map([['Ville de Strasbourg', 3]])]]));
    await resolveBuyerIdentities(t.m, [city.siret.slice(0, 9)]);
    const identityRow = () =>
      t.m.db.selectFrom('organization_identities').selectAll().where('organization_id', '=', city.id).executeTakeFirstOrThrow();
    const before = { identity: await identityRow(), organization: await t.repos.organizations.getBySiret(city.siret) };
    expect(JSON.parse(before.identity.published_names_json)).toEqual([['Ville de Strasbourg', 3]]);

    // Two records of this buyer, each under a name not seen yet.
    const runner = jobs();
    const started = await runner.startDecp({
      territoryId: territory.id,
      actor: ACTOR,
      uploads: [
        decpUpload([
          { id: `${city.siret}-A`, buyer: { siret: city.siret, name: 'VILLE DE STRASBOURG' } },
          { id: `${city.siret}-B`, buyer: { siret: city.siret, name: 'Ville de Strasbourg - Direction des achats' } },
        ]),
      ],
      scope: { departements: ['67'] },
      isConfirmed: true,
    });
    await runner.idle();
    expect(readImportResults(await runner.record(started.id)).decp?.imported).toBe(2);
    // Most used first, then by name (code-point order: upper case before lower case).
    expect(JSON.parse((await identityRow()).published_names_json)).toEqual([
      ['Ville de Strasbourg', 3],
      ['VILLE DE STRASBOURG', 1],
      ['Ville de Strasbourg - Direction des achats', 1],
    ]);

    await runner.undo(started.id, ACTOR.label);
    await runner.idle();
    expect(readImportResults(await runner.record(started.id)).undo).toMatchObject({ contractsRemoved: 2, organizationsKept: 0 });
    expect(await identityRow()).toEqual(before.identity);
    expect(await t.repos.organizations.getBySiret(city.siret)).toEqual(before.organization);
  });

  it('fails an import whose file is unreadable, naming why, with nothing written', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const path = join(mkdtempSync(join(tmpdir(), 'upload-')), 'notes.json');
    writeFileSync(path, 'ceci n’est pas du JSON');
    const runner = jobs();
    const started = await runner.startDecp({
      territoryId: territory.id,
      actor: ACTOR,
      uploads: [{ path, name: 'notes.json' }],
      scope: { departements: [] },
    });
    await runner.idle();
    const failed = await runner.record(started.id);
    expect([failed.status, failed.error]).toEqual([
      'failed',
      'Fichier DECP notes.json illisible : ni JSON, ni XML, ni CSV des DECP (colonnes codeCPV et acheteur_id attendues)',
    ]);
  });
});
