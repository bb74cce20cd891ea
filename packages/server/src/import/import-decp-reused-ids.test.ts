import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/test/dialects';
import { importDecp } from '../../test/import-decp-now';

const REAL = '/work/shared/data/decp-2019-colinmaudry-decp-json';
const FIXTURES = join(import.meta.dirname, '../../test/fixtures/decp');

// A key (buyer SIRET | id) met again: a republication of the contract, or another contract under an identifier its buyer reused.
forEachDialect('importDecp on records published under one identifier', (t) => {
  it('keeps a lot published under an identifier an earlier import stored for another lot, and counts its flag', async () => {
    // e-marchespublics records 307 and 308 (read by hand): buyer 21590220600014, both id 2019000000001500, « Lot 3 :
    // couverture » 117,932 € and « Lot 5 : menuiseries extérieures » 146,953 €, imported from two files one after the other.
    const records = (JSON.parse(readFileSync(`${REAL}/e-marchespublics.dev80.json`, 'utf8')) as { marches: unknown[] }).marches;
    const dir = mkdtempSync(join(tmpdir(), 'decp-shared-'));
    const file = (name: string, index: number) => {
      writeFileSync(join(dir, name), JSON.stringify({ marches: [records[index]] }));
      return join(dir, name);
    };
    await importDecp({ m: t.m, territorySlug: 'shared-id', files: [file('lot-3.json', 307)] });
    const delta = await importDecp({ m: t.m, territorySlug: 'shared-id', files: [file('lot-5.json', 308)] });
    expect([delta.imported, delta.updated, delta.flaggedByCode?.id_shared]).toEqual([1, 0, 1]);
    const stored = await t.m.db
      .selectFrom('running_contracts')
      .select(['decp_id', 'amount_cents'])
      .where('decp_id', 'like', '21590220600014|2019000000001500%')
      .orderBy('decp_id')
      .execute();
    expect(stored.map((r) => [r.decp_id?.replace(/~[0-9a-f]{8}$/, '~…'), Number(r.amount_cents)])).toEqual([
      ['21590220600014|2019000000001500', 11_793_200],
      ['21590220600014|2019000000001500~…', 14_695_300],
    ]);
  });

  it('keeps two accords-cadres of one amount published under one identifier, in one file or two', async () => {
    // Commune of Croix, 2019–2021 file, records 49 and 50 (read by hand): both id 202008000000000S, 1,200,000 €,
    // « PROGRAMMATION URBAINE - ACCORD CADRE … » notified 2020-12-16 and « PROGRAMMATION BATIMENTS … » 2020-12-15.
    const croix = '/work/shared/data/decp-more-real/moreymat_decp_21590163800019_2019-01-01_2021-12-31.json';
    const records = (JSON.parse(readFileSync(croix, 'utf8')) as { marches: unknown[] }).marches;
    const dir = mkdtempSync(join(tmpdir(), 'decp-croix-'));
    const file = (name: string, indexes: number[]) => {
      writeFileSync(join(dir, name), JSON.stringify({ marches: indexes.map((i) => records[i]) }));
      return join(dir, name);
    };
    const stored = async () =>
      (
        await t.m.db
          .selectFrom('running_contracts')
          .select(['decp_id', 'notification_date'])
          .where('decp_id', 'like', '21590163800019|202008000000000S%')
          .orderBy('notification_date')
          .execute()
      ).map((r) => [r.decp_id?.replace(/~[0-9a-f]{8}$/, '~…'), r.notification_date]);
    const both = await importDecp({ m: t.m, territorySlug: 'croix-one-file', files: [file('both.json', [49, 50])] });
    expect([both.imported, both.duplicates, both.flaggedByCode?.id_shared]).toEqual([2, 0, 1]);
    expect(await stored()).toEqual([
      ['21590163800019|202008000000000S~…', '2020-12-15'],
      ['21590163800019|202008000000000S', '2020-12-16'],
    ]);
    // The same two records again, one file each: the stored contracts are recognised, nothing new.
    const first = await importDecp({ m: t.m, territorySlug: 'croix-one-file', files: [file('urbaine.json', [49])] });
    const second = await importDecp({ m: t.m, territorySlug: 'croix-one-file', files: [file('batiments.json', [50])] });
    expect([first.imported, first.unchanged, second.imported, second.unchanged]).toEqual([0, 1, 0, 1]);
    expect((await stored()).length).toBe(2);
  });

  it('updates a contract republished with a corrected amount, and its proposed need', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'decp-'));
    const original = join(dir, 'v1.json');
    copyFileSync(join(FIXTURES, 'real-2019-sample-3.json'), original);
    await importDecp({ m: t.m, territorySlug: 'republication', files: [original] });
    const doc = JSON.parse(readFileSync(original, 'utf8')) as { marches: { montant: number }[] };
    (doc.marches[0] as { montant: number }).montant = 307_800;
    const corrected = join(dir, 'v2.json');
    writeFileSync(corrected, JSON.stringify(doc));
    const result = await importDecp({ m: t.m, territorySlug: 'republication', files: [corrected] });
    expect([result.imported, result.updated, result.unchanged]).toEqual([0, 1, 2]);
    // INOVALYS 50700000: 307,800 € × 100 × 12 / 38 = 9,720,000 cents.
    expect(result.needs).toEqual({ created: 0, updated: 1 });
  });
});
