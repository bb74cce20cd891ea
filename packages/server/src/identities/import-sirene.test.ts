import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, type OrganizationKind } from '@mutualis/core';
import { withTransaction } from '@mutualis/db';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/test/dialects';
import { importSirene } from './import-sirene';
import { describeSireneFile, readSireneFile, type SireneBatch } from './read-sirene-file';
import { resolveBuyerIdentities } from './resolve-buyer-identities';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sirene');
const ESTABLISHMENTS = join(FIXTURES, 'StockEtablissement_utf8_sample.csv');
const LEGAL_UNITS = join(FIXTURES, 'StockUniteLegale_utf8_sample_legal_persons.csv');
const tmp = mkdtempSync(join(tmpdir(), 'mutualis-sirene-'));

function organization(
  siret: string,
  name: string,
  kind: OrganizationKind,
  location = { inseeCode: '', departementCode: '', regionCode: '' },
) {
  return { siret, name, kind, ...location, epciSiren: null, isDemo: false };
}

forEachDialect('importSirene on the real SIRENE samples', (t) => {
  /**
   * Stored: four firms as the DECP import stores holders (stand-in name, SME, no commune) and one a
   * person typed. Their rows, read by hand in the samples (line numbers of StockEtablissement):
   *   59  00542012000023 commune 62688 A   │ SIREN 005420120 SOCIETE DES SUCRERIES DU MARQUENTERRE 5599 A PME
   *   202 00548054600059 commune 33039 F   │ SIREN 005480546 SOCIETE DE DISTRIBUTION DE PAPIER 5710 A
   *   257 00552024200032 commune 75101 F   │ SIREN 005520242 PROSPA 5710 A PME
   *   32  00541094900019 commune 80001 F   │ SIREN 005410949 A LA GRANDE FABRIQUE 5599 C
   *   58  00542012000015 commune 80688 A   (typed: « Sucrerie du Marquenterre (Lanchères) », large company, 80688)
   */
  const holders = ['00542012000023', '00548054600059', '00552024200032', '00541094900019'];

  it('sets the communes from the establishments, then the names and kinds from the legal units, and keeps what was typed', async () => {
    for (const siret of holders) await t.repos.organizations.insert(organization(siret, `Titulaire ${siret}`, 'sme'));
    const typed = await t.repos.organizations.insert(
      organization('00542012000015', 'Sucrerie du Marquenterre (Lanchères)', 'large_company', {
        inseeCode: '80688',
        departementCode: '80',
        regionCode: '32',
      }),
    );

    const establishments = await importSirene({ m: t.m, file: ESTABLISHMENTS });
    expect(establishments).toMatchObject({
      stock: 'establishments',
      format: 'csv',
      rowsRead: 299,
      matched: 5,
      rejected: 0,
      resolved: 5,
      changed: 4,
    });
    const afterEstablishments = await Promise.all(holders.map((s) => t.repos.organizations.getBySiret(s)));
    expect(afterEstablishments.map((o) => [o?.name, o?.inseeCode, o?.departementCode])).toEqual([
      ['Titulaire 00542012000023', '62688', '62'],
      ['Titulaire 00548054600059', '33039', '33'],
      ['Titulaire 00552024200032', '75101', '75'],
      ['Titulaire 00541094900019', '80001', '80'],
    ]);

    const units = await importSirene({ m: t.m, file: LEGAL_UNITS });
    expect(units).toMatchObject({ stock: 'legal_units', format: 'csv', rowsRead: 526, matched: 4, rejected: 0, resolved: 5, changed: 4 });
    const named = await Promise.all(holders.map((s) => t.repos.organizations.getBySiret(s)));
    expect(named.map((o) => [o?.name, o?.kind])).toEqual([
      ['SOCIETE DES SUCRERIES DU MARQUENTERRE', 'sme'],
      ['SOCIETE DE DISTRIBUTION DE PAPIER', 'sme'],
      ['PROSPA', 'sme'],
      ['A LA GRANDE FABRIQUE', 'sme'],
    ]);
    expect(await t.repos.organizations.getBySiret(typed.siret)).toEqual(typed);

    const [closed] = await t.repos.buyerIdentities.listSubjects(['005480546']);
    expect(closed?.resolution?.explanation).toContain('Établissement fermé selon SIRENE.');

    const again = [await importSirene({ m: t.m, file: ESTABLISHMENTS }), await importSirene({ m: t.m, file: LEGAL_UNITS })];
    expect(again.map((r) => [r.matched, r.changed])).toEqual([
      [5, 0],
      [4, 0],
    ]);
  });

  it('names the budget and the département the DECP published, from their legal units, and reports faulty rows with line and field', async () => {
    await t.repos.organizations.insert(organization('22440002800011', 'BUDGET PRINCIPAL', 'other_public'));
    await t.repos.organizations.insert(organization('58200872800104', 'Direction de la Maintenance', 'other_public'));
    await withTransaction(t.m, (repos) =>
      repos.buyerIdentities.recordPublishedNames(
        new Map([
          ['22440002800011', new Map([['BUDGET PRINCIPAL', 36]])],
          ['58200872800104', new Map([['Direction de la Maintenance', 3]])],
        ]),
      ),
    );
    await resolveBuyerIdentities(t.m, ['224400028', '582008728']);
    expect((await t.repos.organizations.getBySiret('22440002800011'))?.name).toBe('Unité légale SIREN 224 400 028 (« BUDGET PRINCIPAL »)');

    const establishments = await importSirene({ m: t.m, file: join(FIXTURES, 'public-buyers-etablissement.csv') });
    expect(establishments).toMatchObject({ rowsRead: 3, matched: 1, rejected: 1 });
    expect(establishments.rejections).toEqual([
      {
        file: 'public-buyers-etablissement.csv',
        line: 4,
        field: 'codeCommuneEtablissement',
        reason: '« 9Z999 » n’est pas un code INSEE de commune',
      },
    ]);
    const units = await importSirene({ m: t.m, file: join(FIXTURES, 'public-buyers-unite-legale.csv') });
    expect(units).toMatchObject({ rowsRead: 4, matched: 1, rejected: 1 });
    expect(units.rejections).toEqual([
      {
        file: 'public-buyers-unite-legale.csv',
        line: 4,
        field: 'categorieJuridiqueUniteLegale',
        reason: '« 7X89 » n’est pas une catégorie juridique (4 chiffres)',
      },
    ]);
    const budget = await t.repos.organizations.getBySiret('22440002800011');
    expect([budget?.name, budget?.kind, budget?.inseeCode, budget?.departementCode]).toEqual([
      'DEPARTEMENT DE LA LOIRE ATLANTIQUE',
      'departement',
      '44109',
      '44',
    ]);
    expect((await t.repos.organizations.getBySiret('58200872800104'))?.name).toBe(
      'Unité légale SIREN 582 008 728 (« Direction de la Maintenance »)',
    );
  });

  it('refuses a file that is not a SIRENE stock, naming the file, the line and the column, and changes nothing', async () => {
    const noCommune = join(tmp, 'etablissements.csv');
    writeFileSync(noCommune, 'siren,nic,siret,etatAdministratifEtablissement\n005420120,00023,00542012000023,A\n');
    await expect(importSirene({ m: t.m, file: noCommune })).rejects.toThrow(
      'etablissements.csv, ligne 1, champ codeCommuneEtablissement : colonne « codeCommuneEtablissement » absente du stock des établissements.',
    );
    const decp = join(tmp, 'decp.json');
    writeFileSync(decp, '{"marches": [{"id": "1"}]}\n');
    const error = await importSirene({ m: t.m, file: decp }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('unreadable_file');
    expect((error as DomainError).message).toMatch(/^decp\.json, ligne 1/);
    const empty = join(tmp, 'vide.csv');
    writeFileSync(empty, '');
    await expect(importSirene({ m: t.m, file: empty })).rejects.toThrow('vide.csv, ligne 1 : fichier vide.');
    expect((await t.repos.organizations.getBySiret('00542012000023'))?.name).toBe('SOCIETE DES SUCRERIES DU MARQUENTERRE');
  });

  it('reports a row of a stored organisation with a wrong number of fields', async () => {
    const broken = join(tmp, 'unites.csv');
    writeFileSync(broken, 'siren,categorieJuridiqueUniteLegale,etatAdministratifUniteLegale\n005420120,5599\n999999999,7220,A\n');
    const result = await importSirene({ m: t.m, file: broken });
    expect([result.rowsRead, result.matched, result.rejections]).toEqual([
      2,
      0,
      [{ file: 'unites.csv', line: 2, field: '*', reason: '2 champs au lieu de 3' }],
    ]);
  });
});

describe('readSireneFile in Parquet', () => {
  async function all(path: string, keys: { sirets: string[]; sirens: string[] }, parquetSliceRows?: number) {
    const file = await describeSireneFile(path);
    const batches: SireneBatch[] = [];
    const options = {
      sirets: new Set(keys.sirets),
      sirens: new Set(keys.sirens),
      ...(parquetSliceRows === undefined ? {} : { parquetSliceRows }),
    };
    for await (const batch of readSireneFile(file, options)) batches.push(batch);
    return {
      stock: file.stock,
      format: file.format,
      rowsRead: batches.reduce((n, b) => n + b.rowsRead, 0),
      establishments: batches.flatMap((b) => b.establishments),
      legalUnits: batches.flatMap((b) => b.legalUnits),
    };
  }
  const sirets = ['00542012000023', '00548054600059', '00552024200032', '00541094900019', '00032517500016'];
  const keys = { sirets, sirens: [...sirets.map((s) => s.slice(0, 9)), '005420013'] };

  it('reads the same rows as the CSV, whatever the compression (Snappy, GZIP)', async () => {
    const csv = await all(ESTABLISHMENTS, keys);
    expect(csv.establishments).toHaveLength(5);
    for (const codec of ['snappy', 'gzip'])
      expect(await all(join(FIXTURES, `StockEtablissement_utf8_sample.${codec}.parquet`), keys)).toEqual({ ...csv, format: 'parquet' });
  });

  it('reads the same by slices of 7 rows, which cut row groups and pages anywhere', async () => {
    const csv = await all(ESTABLISHMENTS, keys);
    expect(await all(join(FIXTURES, 'StockEtablissement_utf8_sample.snappy.parquet'), keys, 7)).toEqual({ ...csv, format: 'parquet' });
  });

  it('reads the legal units in ZSTD, and identifiers typed as numbers with their leading zeros', async () => {
    const csv = await all(LEGAL_UNITS, keys);
    expect(csv.legalUnits.map((u) => u.siren)).toEqual(['005410949', '005420013', '005420120', '005480546', '005520242']);
    for (const name of ['StockUniteLegale_utf8_sample.zstd.parquet', 'StockUniteLegale_utf8_sample.typed.parquet'])
      expect(await all(join(FIXTURES, name), keys)).toEqual({ ...csv, format: 'parquet' });
  });
});
