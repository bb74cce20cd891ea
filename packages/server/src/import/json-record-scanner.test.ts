import { describe, expect, it } from 'vitest';
import type { DecpRawRecord } from './decp-raw-record';
import { DECP_RECORD_LIMITS } from './decp-record-limits';
import { JsonRecordScanner } from './json-record-scanner';
import { XmlRecordScanner } from './xml-record-scanner';

/** Feeds `text` to a fresh scanner in chunks of `size` bytes (splitting multi-byte characters too). */
function scanJson(text: string, size: number): DecpRawRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new JsonRecordScanner();
  const out: DecpRawRecord[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...scanner.push(bytes.subarray(i, i + size)));
  return [...out, ...scanner.end()];
}

const TRICKY_2019 = JSON.stringify({
  source: { marches: [{ not: 'a record' }] },
  marches: [
    { id: 'a', objet: 'guillemet \\" accolade } crochet ] \\\\', liste: [[1, { x: '{' }]] },
    { id: 'b', objet: 'Soci\uFFFDt\u00e9 — accents é', n: 1.5e3 },
  ],
  autre: { marches: 'ignored' },
});

describe('JsonRecordScanner', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])('splits 2019 records whatever the chunk size (%i bytes)', (size) => {
    const records = scanJson(TRICKY_2019, size);
    expect(records).toEqual(JSON.parse(TRICKY_2019).marches.map((raw: unknown, index: number) => ({ index, format: '2019', raw })));
  });

  it('finds 2024 records inside marches.marche and marches.contrat-concession', () => {
    const doc = {
      marches: { 'contrat-concession': [{ id: 'c' }], marche: [{ id: 'm1', titulaires: [{ titulaire: { id: 'x' } }] }, { id: 'm2' }] },
    };
    expect(scanJson(JSON.stringify(doc, null, '\t'), 5).map((r) => ['raw' in r && r.raw, r.format])).toEqual([
      [{ id: 'c' }, '2024'],
      [{ id: 'm1', titulaires: [{ titulaire: { id: 'x' } }] }, '2024'],
      [{ id: 'm2' }, '2024'],
    ]);
  });

  it('reports a record that is not valid JSON and goes on with the next', () => {
    const records = scanJson('{"marches":[{"id":"a"},{"id": ,, oops},{"id":"c"}]}', 4);
    expect(records.map((r) => ('raw' in r ? r.raw : r.error.slice(0, 13)))).toEqual([{ id: 'a' }, 'JSON invalide', { id: 'c' }]);
  });

  it('reads the bare NaN, Infinity and -Infinity that Python writes as null, outside strings only', () => {
    // Python: json.loads('{"montant": NaN}') == {'montant': nan}; pandas writes its missing values so.
    const text = '{"marches":[{"id":"NaN \\" Infinity","montant":NaN,"duree":-Infinity,"l":[Infinity,1]},{"id":"b","x":NaN oops}]}';
    const records = scanJson(text, 3);
    expect(records.map((r) => ('raw' in r ? r.raw : r.error.slice(0, 13)))).toEqual([
      { id: 'NaN " Infinity', montant: null, duree: null, l: [null, 1] },
      'JSON invalide',
    ]);
  });

  it('reports a record cut off by the end of the file', () => {
    const records = scanJson('{"marches":[{"id":"a"},{"id":"b", "x": [', 8);
    expect(records.map((r) => r.index)).toEqual([0, 1]);
    expect(records[1]).toMatchObject({ error: expect.stringContaining('fin de fichier') });
  });

  it('refuses a document without any record list', () => {
    expect(() => scanJson('{"data":[{"id":"a"}]}', 4)).toThrow(/marches/);
  });

  it('keeps a list of 1,000 items and rejects one of 1,001, naming the list', () => {
    const holders = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));
    const records = scanJson(JSON.stringify({ marches: [{ titulaires: holders(1_000) }, { titulaires: holders(1_001) }] }), 4096);
    expect('raw' in (records[0] ?? {})).toBe(true);
    expect(records[1]).toEqual({
      index: 1,
      format: '2019',
      error: 'enregistrement refusé : la liste « titulaires » a plus de 1\u202f000 éléments',
    });
  });

  it('rejects a list of 1,001 plain values at any depth, naming the last list met first (depth first, last key first)', () => {
    // Visited as a stack: the record's keys objet, a, b are pushed in order, b is taken first, then its c.
    const record = { objet: 'x', a: Array(1_001).fill('s'), b: { c: Array(1_001).fill(1) } };
    expect(scanJson(JSON.stringify({ marches: [record, { a: [[...Array(1_001).keys()]] }] }), 4096)).toEqual([
      { index: 0, format: '2019', error: 'enregistrement refusé : la liste « c » a plus de 1\u202f000 éléments' },
      { index: 1, format: '2019', error: 'enregistrement refusé : la liste « a » a plus de 1\u202f000 éléments' },
    ]);
  });

  it('rejects a record over 1 MiB without keeping it, and reads the next one', () => {
    const big = JSON.stringify({ objet: 'x'.repeat(DECP_RECORD_LIMITS.maxRecordBytes) });
    const records = scanJson(`{"marches":[${big},{"id":"suivant"}]}`, 1 << 16);
    expect(records).toEqual([
      { index: 0, format: '2019', error: 'enregistrement refusé : plus de 1 Mio' },
      { index: 1, format: '2019', raw: { id: 'suivant' } },
    ]);
  });

  it('refuses a document nested more than 64 levels outside its records', () => {
    expect(() => scanJson(`{"a":${'['.repeat(65)}${']'.repeat(65)},"marches":[]}`, 7)).toThrow(/plus de 64 niveaux/);
    expect(scanJson(`{"a":${'['.repeat(63)}${']'.repeat(63)},"marches":[{"id":"a"}]}`, 7)).toHaveLength(1);
  });
});

describe('XmlRecordScanner', () => {
  function scanXml(text: string, size: number): DecpRawRecord[] {
    const scanner = new XmlRecordScanner();
    const out: DecpRawRecord[] = [];
    for (let i = 0; i < text.length; i += size) out.push(...scanner.push(text.slice(i, i + size)));
    return [...out, ...scanner.end()];
  }

  it('turns each element under <marches> into a record, repeated children into lists', () => {
    const xml = `<?xml version="1.0"?><marches><marche><id>1</id><objet>Entretien &amp; nettoyage</objet>
      <titulaires><titulaire><id>A</id></titulaire><titulaire><id>B</id></titulaire></titulaires>
      <techniques><technique>Accord-cadre</technique></techniques></marche><marche><id>2</id></marche></marches>`;
    expect(scanXml(xml, 9)).toEqual([
      {
        index: 0,
        format: '2024',
        raw: {
          id: '1',
          objet: 'Entretien & nettoyage',
          titulaires: { titulaire: [{ id: 'A' }, { id: 'B' }] },
          techniques: { technique: 'Accord-cadre' },
        },
      },
      { index: 1, format: '2019', raw: { id: '2' } },
    ]);
  });

  it('keeps 1,000 repetitions of an element and rejects 1,001, naming the element, then reads the next record', () => {
    const holders = (n: number) => `<titulaires>${'<titulaire><id>A</id></titulaire>'.repeat(n)}</titulaires>`;
    const records = scanXml(
      `<marches><marche>${holders(1_000)}</marche><marche>${holders(1_001)}</marche><marche><id>3</id></marche></marches>`,
      4096,
    );
    expect(records.map((r) => ('raw' in r ? 'lu' : r.error))).toEqual([
      'lu',
      'enregistrement refusé : l’élément <titulaire> est répété plus de 1\u202f000 fois',
      'lu',
    ]);
    expect(records[0]).toMatchObject({ raw: { titulaires: { titulaire: expect.any(Array) } } });
    expect((records[0] as { raw: { titulaires: { titulaire: unknown[] } } }).raw.titulaires.titulaire.length).toBe(1_000);
  });

  it('rejects a record with more than 1,000,000 characters of text', () => {
    const records = scanXml(`<marches><marche><objet>${'x'.repeat(1_000_001)}</objet></marche></marches>`, 1 << 16);
    expect(records).toEqual([
      { index: 0, format: '2019', error: 'enregistrement refusé : plus de 1\u202f000\u202f000 caractères de texte dans l’enregistrement' },
    ]);
  });

  it('keeps an element named __proto__ as a plain key', () => {
    const [record] = scanXml('<marches><marche><__proto__><id>x</id></__proto__></marche></marches>', 100);
    expect(record).toMatchObject({ raw: {} });
    const raw = (record as { raw: object }).raw;
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.keys(raw)).toEqual(['__proto__']);
  });

  it('refuses a document nested more than 64 levels', () => {
    expect(() => scanXml(`<marches><marche>${'<a>'.repeat(63)}${'</a>'.repeat(63)}</marche></marches>`, 50)).toThrow(/plus de 64 niveaux/);
  });

  it('refuses a document whose root is not <marches>', () => {
    expect(() => scanXml('<contrats><marche/></contrats>', 100)).toThrow(/marches/);
  });
});
