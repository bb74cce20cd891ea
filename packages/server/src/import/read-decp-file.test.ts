import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecpFile } from './read-decp-file';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/decp');

describe('readDecpFile read sizes', () => {
  it('gives the same records whatever the read size, though it reuses one buffer for every read', async () => {
    const file = join(FIXTURES, 'real-2019-sample.json');
    const readWith = async (chunkBytes: number) => {
      const records: unknown[] = [];
      for await (const record of readDecpFile(file, { chunkBytes })) records.push(record);
      return records;
    };
    const whole = await readWith(1 << 24);
    // JSON.parse of the file itself, independently of the scanner.
    const expected = (JSON.parse(readFileSync(file, 'utf8')) as { marches: unknown[] }).marches;
    expect(whole.map((r) => (r as { raw: unknown }).raw)).toEqual(expected);
    // 61 bytes: most records span many reads, so their first parts must not be overwritten by the next read.
    expect(await readWith(61)).toEqual(whole);
  });
});

describe('readDecpFile input errors', () => {
  it('refuses a file that is neither JSON, XML nor a DECP CSV as unreadable', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'decp-')), 'notes.csv');
    writeFileSync(path, 'id;montant\n1;2\n');
    const read = async () => {
      for await (const _record of readDecpFile(path)) return;
    };
    await expect(read()).rejects.toMatchObject({ code: 'unreadable_file' });
  });
});
