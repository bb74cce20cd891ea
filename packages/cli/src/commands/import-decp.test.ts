import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildTerritory, openTestDatabase, type TestDatabase } from '../../../db/test/dialects';
import { censusCsv } from '../../../server/test/census-files';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/mutualis.mjs', import.meta.url));
const CORRUPTED = fileURLToPath(new URL('../../../server/test/fixtures/decp/corrupted-2019.json', import.meta.url));
const FLAGGED = fileURLToPath(new URL('../../../server/test/fixtures/decp/real-2019-flagged.json', import.meta.url));

/** Runs `mutualis <args>` as a child process (tsx, no build step) against the test database. */
function mutualis(database: TestDatabase, ...args: string[]) {
  return run(process.execPath, [BIN, ...args, '--database', database.url], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

describe('mutualis import decp', () => {
  let database: TestDatabase;
  let importId = '';
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    await database.m.close();
  }, 120_000);
  afterAll(async () => {
    await database.dispose();
  });
  /** `mutualis import decp --territory cli-decp --include-outside --confirm [flags] corrupted-2019.json`. */
  const confirmImport = (...flags: string[]) =>
    mutualis(database, 'import', 'decp', '--territory', 'cli-decp', '--include-outside', '--confirm', ...flags, CORRUPTED);

  // corrupted-2019.json: 4 records of 4 buyers (records 20–23 of real-2019-sample.json: Lambersart,
  // Blagnac, Châlette-sur-Loing, Saint-Nazaire); record 1 is invalid JSON, record 2's buyer SIRET
  // has a bad check digit (kept, flagged). A new territory has no member, so no département is in its scope.
  it('previews without storing anything: the buyers of a new territory are all outside it unless asked', async () => {
    const { stdout } = await mutualis(database, 'import', 'decp', '--territory', 'cli-decp', CORRUPTED);
    expect(stdout).toContain('Aperçu — rien n’est enregistré sans --confirm.');
    // French keeps the singular below 2: one rejected record (record 1), no duplicate.
    expect(stdout).toContain('4 enregistrements lus : 1 rejeté, 0 doublon.');
    expect(stdout).toContain('Acheteurs hors du territoire, non importés : 3 (3 marchés) :');
    // With --include-outside the three valid records are taken; record 2 is kept with its flag named.
    const all = await mutualis(database, 'import', 'decp', '--territory', 'cli-decp', '--include-outside', CORRUPTED);
    // A new territory has none of these contracts yet: 3 new, 0 unchanged, 1 of them flagged.
    expect(all.stdout).toContain('Contrats retenus : 3 nouveaux, 0 mis à jour, 0 inchangé, dont 1 signalé (SIRET acheteur invalide : 1).');
    const inNord = await mutualis(database, 'import', 'decp', '--territory', 'cli-decp', '--departements', '59', '--json', CORRUPTED);
    // Lambersart (59130) is in the Nord; the other valid records' buyers (Châlette-sur-Loing, Saint-Nazaire) are not.
    expect(JSON.parse(inNord.stdout)).toMatchObject({ contracts: { new: 1 }, buyers: { inside: { count: 1 }, outside: { count: 2 } } });
  });

  it('imports with --confirm, prints the JSON result with each rejection, and records who imported what', async () => {
    const { stdout } = await confirmImport('--json');
    const result = JSON.parse(stdout) as Record<string, unknown>;
    importId = String(result.importId);
    expect(result).toMatchObject({
      read: 4,
      imported: 3,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      rejectedByKind: { unreadable: 1, test: 0, concession: 0, no_buyer: 0 },
      flagged: 1,
      amountAnomalies: 0,
      rejections: [{ file: 'corrupted-2019.json', record: 1, field: '*', reason: expect.stringMatching(/^JSON invalide/) }],
    });
    const history = await mutualis(database, 'import', 'history', '--territory', 'cli-decp');
    expect(history.stdout).toMatch(
      new RegExp(`^${importId} .* DECP {2}corrupted-2019\\.json {2}par ligne de commande \\(.+\\) {2}terminé — 3 contrats importés`, 'm'),
    );
  });

  it('changes nothing when the same file is imported again, and undoes the imports newest first', async () => {
    const { stdout: again } = await confirmImport();
    expect(again).toContain('4 enregistrements lus : 0 importé, 0 mis à jour, 3 inchangés, 0 doublon, ');
    expect(again).toContain('1 rejeté, 0 hors du territoire.');
    // What proposed needs from the DECP cannot see: marchés below the publication threshold (R2196-1).
    expect(again).toContain(
      'Besoins proposés : 0 créé, 0 mis à jour. Les données essentielles ne publient que les marchés de 40 000 € HT et plus (art. R2196-1 ;',
    );
    const againId = /^Import (\S+) terminé/m.exec(again)?.[1] ?? '';
    const refused = await mutualis(database, 'import', 'undo', importId).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 73, stderr: expect.stringContaining('annulez-le d’abord') });
    await mutualis(database, 'import', 'undo', againId);
    const { stdout } = await mutualis(database, 'import', 'undo', importId);
    expect(stdout).toContain(`Import ${importId} annulé : 3 contrats retirés`);
  });

  it('says how many texts published with their accents lost it repaired', async () => {
    // real-2019-flagged.json, read by hand: SOLIDEO's objet « … droit de l'am�nagement » (« aménagement »
    // spells a CPV label's word) is the only text holding U+FFFD; its holder « DS Avocats » and the others' are sound.
    const { stdout } = await mutualis(database, 'import', 'decp', '--territory', 'cli-accents', '--include-outside', '--confirm', FLAGGED);
    expect(stdout).toContain('Accents perdus à la publication rétablis dans 1 objet (mots sûrs seulement ; chaque marché dit lesquels).');
  });

  it('exits 65 naming the missing territory flag', async () => {
    const failure = await mutualis(database, 'import', 'decp', CORRUPTED).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 65, stderr: expect.stringContaining('--territory') });
  });
});

describe('mutualis import census and export', () => {
  let database: TestDatabase;
  let dir: string;
  let siret: string;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    const territory = await database.repos.territories.insert(buildTerritory({ slug: 'cli-census' }));
    const organization = await database.repos.organizations.insert(buildOrganization());
    await database.repos.memberships.add(territory.id, organization.id);
    siret = organization.siret;
    await database.m.close();
    dir = await mkdtemp(join(tmpdir(), 'mutualis-cli-'));
  }, 120_000);
  afterAll(async () => {
    await database.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the valid rows of a census CSV with --accept valid and lists the refused cell', async () => {
    const file = join(dir, 'recensement.csv');
    await writeFile(file, censusCsv([{ siret }, { siret, cpvCode: '12345678' }]));
    const { stdout } = await mutualis(database, 'import', 'census', '--organization', siret, '--accept', 'valid', file);
    expect(stdout).toContain('2 lignes lues : 1 valide, 1 erreur.');
    expect(stdout).toMatch(/Besoins enregistrés : 1 créé, 0 mis à jour \(import [0-9a-f-]{36}\)\./);
    expect(stdout).toMatch(/ligne 3 colonne B \(cpvCode\)/);
  });

  it('exits 65 on a dry run of a file with errors', async () => {
    const file = join(dir, 'faux.csv');
    await writeFile(file, censusCsv([{ siret, cpvCode: '12345678' }]));
    const failure = await mutualis(database, 'import', 'census', '--organization', siret, file).catch((error: { code: number }) => error);
    expect(failure).toMatchObject({ code: 65 });
  });

  it('exports the needs as CSV and an empty DECP 2024 document for a territory with no award', async () => {
    const needs = join(dir, 'besoins.csv');
    await mutualis(database, 'export', 'needs', '--territory', 'cli-census', '--out', needs);
    expect(await readFile(needs, 'utf8')).toContain(siret);
    const decp = join(dir, 'decp.json');
    await mutualis(database, 'export', 'decp', '--territory', 'cli-census', '--out', decp);
    expect(JSON.parse(await readFile(decp, 'utf8'))).toEqual({ marches: { marche: [] } });
  });
});
