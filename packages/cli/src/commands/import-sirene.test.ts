import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../db/test/dialects';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/mutualis.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../server/test/fixtures/sirene/', import.meta.url));

function mutualis(database: TestDatabase, ...args: string[]) {
  return run(process.execPath, [BIN, ...args, '--database', database.url], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

describe('mutualis import sirene', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    // Two firms of the samples stored as the DECP import stores holders (lines 59 and 257 of StockEtablissement).
    for (const siret of ['00542012000023', '00552024200032'])
      await database.repos.organizations.insert({
        siret,
        name: `Titulaire ${siret}`,
        kind: 'sme',
        inseeCode: '',
        departementCode: '',
        regionCode: '',
        epciSiren: null,
        isDemo: false,
      });
    await database.m.close();
    dir = await mkdtemp(join(tmpdir(), 'mutualis-cli-sirene-'));
  }, 120_000);
  afterAll(async () => {
    await database.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints what it read and changed, in French', async () => {
    const { stdout } = await mutualis(database, 'import', 'sirene', join(FIXTURES, 'StockEtablissement_utf8_sample.snappy.parquet'));
    expect(stdout.trim().split('\n')).toEqual([
      'StockEtablissement_utf8_sample.snappy.parquet : stock SIRENE des établissements (StockEtablissement), Parquet.',
      '299 lignes lues : 2 concernent des organisations enregistrées, 0 refusée.',
      'Organisations mises à jour : 2 sur 2 examinées ; 0 nom à vérifier.',
    ]);
  });

  it('prints the JSON summary with --json', async () => {
    const { stdout } = await mutualis(
      database,
      'import',
      'sirene',
      '--json',
      join(FIXTURES, 'StockUniteLegale_utf8_sample_legal_persons.csv'),
    );
    expect(JSON.parse(stdout)).toMatchObject({ stock: 'legal_units', format: 'csv', rowsRead: 526, matched: 2, rejected: 0, changed: 2 });
  });

  it('exits 66 naming the file and the line of a file that is not a SIRENE stock, 65 without a file', async () => {
    const notSirene = join(dir, 'besoins.csv');
    await writeFile(notSirene, 'organisation,besoin\nVille,papier\n');
    const failure = await mutualis(database, 'import', 'sirene', notSirene).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 66, stderr: expect.stringContaining('besoins.csv, ligne 1, champ siret') });
    const missing = await mutualis(database, 'import', 'sirene').catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 65, stderr: expect.stringContaining('fichier') });
  });
});
