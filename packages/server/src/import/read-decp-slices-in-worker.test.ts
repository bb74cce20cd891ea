import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DomainError } from '@mutualis/core';
import { describe, expect, it } from 'vitest';
import { type DecpImportFile, type DecpSlice, readDecpSlices } from './decp-slices';
import { readDecpSlicesInWorker } from './read-decp-slices-in-worker';

const REAL = '/work/shared/data/decp-2019-colinmaudry-decp-json';
const FIXTURES = join(import.meta.dirname, '../../test/fixtures/decp');
/** The four real platforms (duplicates across files, test records, concessions), then an invalid JSON record and a bad SIRET, then the 2024 XML. */
const FILES: DecpImportFile[] = [
  ...['data.gouv.fr_aife', 'data.gouv.fr_pes', 'e-marchespublics', 'marches-publics.info'].map((s) => join(REAL, `${s}.dev80.json`)),
  join(FIXTURES, 'corrupted-2019.json'),
  join(FIXTURES, 'official-2024-marches.xml'),
].map((path) => ({ path, name: basename(path) }));

async function all(slices: AsyncIterable<DecpSlice>): Promise<DecpSlice[]> {
  const out: DecpSlice[] = [];
  for await (const slice of slices) out.push(slice);
  return out;
}

describe('readDecpSlicesInWorker', () => {
  it('gives, from its worker thread, the slices this thread reads: same records, rejections, duplicates, awards and places', async () => {
    const here = await all(readDecpSlices(FILES));
    const there = await all(readDecpSlicesInWorker(FILES));
    // The real files: 8,486 records, 348 duplicates, 78 refused (derived by derive-expected.py, see import-decp.test.ts).
    const real = here.filter((s) => s.fileName.endsWith('.dev80.json'));
    const sum = (count: (s: DecpSlice) => number) => real.reduce((n, s) => n + count(s), 0);
    expect([sum((s) => s.read), sum((s) => s.duplicates), sum((s) => s.rejected.length)]).toEqual([8_486, 348, 78]);
    // The corrupted file: its record 1 is invalid JSON.
    expect(here.flatMap((s) => (s.fileName === 'corrupted-2019.json' ? s.rejected.map((r) => r.index) : []))).toEqual([1]);
    expect(there).toEqual(here);
  }, 60_000);

  it('throws the reading’s own error: a file that is no DECP is unreadable, named by its own name', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'decp-worker-')), 'upload-1');
    writeFileSync(path, 'id;montant\n1;2\n');
    const file = { path, name: 'mes-marches.csv' };
    const error = await all(readDecpSlicesInWorker([file])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'unreadable_file',
      message: 'Fichier DECP mes-marches.csv illisible : ni JSON, ni XML, ni CSV des DECP (colonnes codeCPV et acheteur_id attendues)',
      details: { issues: [{ field: 'file', file: 'mes-marches.csv', reason: expect.stringContaining('ni JSON') }] },
    });
    expect(await all(readDecpSlices([file])).catch((e: unknown) => e)).toEqual(error);
  }, 60_000);
});
