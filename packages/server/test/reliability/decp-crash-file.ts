import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiret } from '@mutualis/core';

const TEMPLATE_FILE = join(import.meta.dirname, '../fixtures/decp/real-2019-sample.json');

/** The `id` of the DECP record number `i` in a crash file (the running contract's reference). */
export function crashRecordId(i: number): string {
  return `CRASH${String(i).padStart(6, '0')}`;
}

/**
 * Writes a 2019-format DECP file of `records` valid, distinct awards (one real record as a
 * template; ids `crashRecordId(i)`, buyers among 7 SIRETs), so that every record is imported
 * and the importer's batches are exactly records [k·size, (k+1)·size).
 */
export function writeDecpCrashFile(path: string, records: number): void {
  const [template] = (JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')) as { marches: Record<string, unknown>[] }).marches;
  if (template === undefined) throw new Error(`no record in ${TEMPLATE_FILE}`);
  const buyers = Array.from({ length: 7 }, (_, b) => buildSiret(`2167000${b}`, '0001'));
  const marches = Array.from({ length: records }, (_, i) => ({
    ...template,
    id: crashRecordId(i),
    uid: undefined,
    acheteur: { id: buyers[i % buyers.length], nom: `Commune ${i % buyers.length}` },
    montant: 10_000 + i,
    titulaires: [
      { typeIdentifiant: 'SIRET', id: buildSiret(`8100${String(i % 500).padStart(4, '0')}`, '0001'), denominationSociale: 'Titulaire' },
    ],
  }));
  writeFileSync(path, JSON.stringify({ marches }));
}
