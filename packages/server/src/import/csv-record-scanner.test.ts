import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvRecordScanner } from './csv-record-scanner';
import type { DecpRawRecord } from './decp-raw-record';

const TABLE_SCHEMA_EXAMPLE = '/work/shared/data/decp-schemas/table-schema/exemples__exemple-valide.csv';
const AUGMENTE_2019 = '/work/shared/data/decp-consolidated/data__decp_augmente_valides_2019_test.csv';

/** Every record of `text`, pushed in pieces of `pieceSize` characters. */
function scan(text: string, pieceSize = text.length): DecpRawRecord[] {
  const scanner = new CsvRecordScanner();
  const records: DecpRawRecord[] = [];
  for (let i = 0; i < text.length; i += pieceSize) records.push(...scanner.push(text.slice(i, i + pieceSize)));
  return [...records, ...scanner.end()];
}

const rawOf = (record: DecpRawRecord | undefined) =>
  record !== undefined && 'raw' in record ? (record.raw as Record<string, unknown>) : {};

describe('CsvRecordScanner', () => {
  it('reads the DECP table schema’s example: one record per contract, its holders gathered from its rows', () => {
    // Read by hand in the file: 4 rows, two contracts (201900056462300 lines 2–3, 201900056462301
    // lines 4–5) of the Conseil régional de Bretagne (23350001600040), each with the holders
    // 81223113200034 (Colin Maudry) and 82379887100013 (Datactivist).
    const records = scan(readFileSync(TABLE_SCHEMA_EXAMPLE, 'utf8'));
    expect(records.map((r) => [r.index, r.line, rawOf(r).id])).toEqual([
      [0, 2, '201900056462300'],
      [1, 4, '201900056462301'],
    ]);
    expect(rawOf(records[0])).toMatchObject({
      acheteur: { id: '23350001600040', nom: 'Conseil régional de Bretagne' },
      codeCPV: '79311000',
      montant: '21800.10',
      dureeMois: '3',
      dateNotification: '2019-04-27',
      lieuExecution: { code: '35238', typeCode: 'Code commune', nom: 'Rennes' },
      titulaires: [
        { id: '81223113200034', typeIdentifiant: 'SIRET', denominationSociale: 'Colin Maudry' },
        { id: '82379887100013', typeIdentifiant: 'SIRET', denominationSociale: 'Datactivist' },
      ],
    });
  });

  it('gives the same records whatever the pieces the text arrives in', () => {
    const text = readFileSync(AUGMENTE_2019, 'utf8');
    expect(scan(text, 7)).toEqual(scan(text));
  });

  it('reads the « DECP augmenté » layout: `;`, dotted names, numbered holders, placeholders left out', () => {
    // Line 3 of the file: 20202020-0000200 of buyer 21740033200029, holders 33901418500013,
    // 44867048900021 and 44963882400010 (titulaire_id_1 to _3); line 2: one holder, the _2 and _3 cells empty.
    const records = scan(readFileSync(AUGMENTE_2019, 'utf8'));
    expect(records).toHaveLength(9);
    expect(rawOf(records[1])).toMatchObject({ id: '20202020-0000200', acheteur: { id: '21740033200029' } });
    expect((rawOf(records[1]).titulaires as { id: string }[]).map((h) => h.id)).toEqual([
      '33901418500013',
      '44867048900021',
      '44963882400010',
    ]);
    expect(rawOf(records[0]).titulaires).toEqual([
      { id: '75750063200034', typeIdentifiant: 'SIRET', denominationSociale: 'Avenir Electrique de Limoges' },
    ]);
  });

  it('keeps only the current rows of a contract that says which are (donneesActuelles)', () => {
    const text = [
      'id,acheteur_id,codeCPV,montant,dureeMois,titulaire_id,donneesActuelles',
      'M-1,21590163800019,30190000,1000,12,85480074501125,non',
      'M-1,21590163800019,30190000,1500,18,85480074501125,oui',
      'M-2,21590163800019,30190000,700,6,85480074501125,',
    ].join('\n');
    expect(scan(text).map((r) => [rawOf(r).id, rawOf(r).montant, rawOf(r).dureeMois])).toEqual([
      ['M-1', '1500', '18'],
      ['M-2', '700', '6'],
    ]);
  });

  it('reads quoted cells holding the delimiter, a line break and doubled quotes, and CRLF line ends', () => {
    const text = 'id;acheteur.id;objet;codeCPV\r\n"A;1";21590163800019;"Ligne 1\r\nligne 2 : ""lot"" 3";30190000\r\n';
    expect(scan(text, 5).map((r) => [r.line, rawOf(r).id, rawOf(r).objet])).toEqual([[2, 'A;1', 'Ligne 1\r\nligne 2 : "lot" 3']]);
  });

  it('refuses a header without the contract and buyer ids, and reports an endless line as one bad record', () => {
    expect(() => scan('montant;dureeMois\n1;2\n')).toThrow('en-tête CSV sans colonnes « id » et « acheteur_id »');
    const scanner = new CsvRecordScanner();
    scanner.push('id,acheteur_id,codeCPV\n');
    const endless = scanner.push('x'.repeat((1 << 20) + 1));
    expect(endless).toEqual([{ index: 0, line: 2, format: '2019', error: 'ligne de plus de 1048576 caractères' }]);
  });
});
