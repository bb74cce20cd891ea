import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, splitCsvRecord } from './csv-records';

const dir = mkdtempSync(join(tmpdir(), 'mutualis-csv-'));

async function records(content: string, chunkBytes?: number) {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  const all = [];
  for await (const batch of readCsvRecords(path, chunkBytes === undefined ? {} : { chunkBytes })) all.push(...batch);
  return all;
}

describe('readCsvRecords', () => {
  const content = '\uFEFFsiren,nom\r\n005410949,"A LA GRANDE, FABRIQUE"\r\n005420013,"ligne 1\nligne 2"\n005420021,Équipements\n';
  const expected = [
    { line: 1, text: 'siren,nom' },
    { line: 2, text: '005410949,"A LA GRANDE, FABRIQUE"' },
    { line: 3, text: '005420013,"ligne 1\nligne 2"' },
    { line: 5, text: '005420021,Équipements' },
  ];

  it('reads records, a quoted field over two lines as one record numbered by its first line, CRLF and BOM dropped', async () => {
    expect(await records(content)).toEqual(expected);
  });

  it('reads the same whatever the read size, even one cutting « É » in two', async () => {
    for (const size of [1, 3, 7, 64]) expect(await records(content, size)).toEqual(expected);
  });

  it('yields a last line without its line break', async () => {
    expect(await records('a,b\n1,2')).toEqual([
      { line: 1, text: 'a,b' },
      { line: 2, text: '1,2' },
    ]);
  });

  it('refuses a quote left open for more than 64 KB, naming its line', async () => {
    await expect(records(`a,b\n1,"${'x'.repeat(70_000)}\n${'y\n'.repeat(10)}`)).rejects.toThrow(
      /ligne 2 : guillemet ouvert jamais refermé/,
    );
  });
});

describe('splitCsvRecord', () => {
  it.each([
    ['a,b,,d', ['a', 'b', '', 'd']],
    ['"a,1","b ""c""",d', ['a,1', 'b "c"', 'd']],
    ['"",x', ['', 'x']],
    ['x,"multi\nligne"', ['x', 'multi\nligne']],
  ])('splits %j', (text, fields) => {
    expect(splitCsvRecord(text)).toEqual(fields);
  });

  it.each([['"a,b'], ['"a"b,c'], ['a"b,c']])('refuses the stray or open quote of %j', (text) => {
    expect(splitCsvRecord(text)).toBeNull();
  });
});
