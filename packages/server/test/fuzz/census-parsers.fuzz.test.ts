import { buildSiret, CENSUS_COLUMNS, type CensusParseResult } from '@mutualis/core';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCensusFile } from '../../src/census';
import { CENSUS_SHEET } from '../../src/files';
import { deeplyNested, describeThrown, mutate, mutationArb } from './fuzz-inputs';

const SIRET = buildSiret('21670482', '0001');
const KNOWN = new Set([SIRET]);
const HEADER = CENSUS_COLUMNS.map((c) => c.header);
const VALID_ROW = [SIRET, '34927100', 'Sel de déneigement', '120', 't', '', '95,50', '', '67482', '', '', 'Ferme'];
const RUNS = 60;

type Outcome = { result: CensusParseResult } | { failed: ReturnType<typeof describeThrown> };

async function read(fileName: string, content: Buffer): Promise<Outcome> {
  try {
    return { result: await readCensusFile({ fileName, content, knownSirets: KNOWN }) };
  } catch (error) {
    return { failed: describeThrown(error) };
  }
}

/**
 * Either the file is refused as a whole — unreadable, or too large once unpacked (a flipped byte of
 * a size field can declare gigabytes), then naming the file and why — or each error names its
 * field, row and reason.
 */
function expectCleanOutcome(outcome: Outcome): void {
  if ('failed' in outcome) {
    expect(['unreadable_file', 'payload_too_large']).toContain(outcome.failed.code);
    if (outcome.failed.code === 'payload_too_large')
      expect(outcome.failed.issues).toEqual([
        expect.objectContaining({ field: 'file', file: 'recensement.xlsx', reason: expect.any(String) }),
      ]);
    return;
  }
  for (const issue of outcome.result.errors) {
    expect(issue.field.length).toBeGreaterThan(0);
    expect(issue.reason.length).toBeGreaterThan(0);
    expect(issue.file).toBeDefined();
  }
  expect(outcome.result.rows.length).toBeLessThanOrEqual(outcome.result.rowCount);
}

function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => r.map(quote).join(';')).join('\r\n');
}

async function workbookOf(rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(CENSUS_SHEET);
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell a user might type: text with separators, quotes and line breaks, numbers, or nothing. */
const cellArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(';', '"', '\n', '\r', ',', 'é', '\uFEFF', ' ', '1'), maxLength: 12 }),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(...VALID_ROW),
);
const rowArb = fc.array(cellArb, { maxLength: 16 });

describe('census parsers under fuzzing', () => {
  let validWorkbook: Buffer;
  beforeAll(async () => {
    validWorkbook = await workbookOf([VALID_ROW, VALID_ROW]);
  });

  it('refuse random bytes named .xlsx, .csv or .pdf cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom('a.xlsx', 'a.csv', 'a.pdf'), async (bytes, name) =>
        expectCleanOutcome(await read(name, Buffer.from(bytes))),
      ),
      { numRuns: RUNS },
    );
  });

  it('name the row and field of every bad cell of an arbitrary CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 12 }), fc.boolean(), async (rows, withBom) => {
        const text = `${withBom ? '\uFEFF' : ''}${toCsv([HEADER, ...rows])}`;
        expectCleanOutcome(await read('recensement.csv', Buffer.from(text)));
      }),
      { numRuns: RUNS },
    );
  });

  it('survive truncated, flipped and invalid-UTF-8 CSV files', async () => {
    const valid = Buffer.from(toCsv([HEADER, VALID_ROW, VALID_ROW]));
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (mutations) =>
        expectCleanOutcome(await read('recensement.csv', mutate(valid, mutations))),
      ),
      { numRuns: RUNS },
    );
  });

  it('survive truncated and corrupted workbooks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) =>
        expectCleanOutcome(await read('recensement.xlsx', mutate(validWorkbook, mutations))),
      ),
      { numRuns: 40 },
    );
  });

  it('refuse, naming the file, a workbook whose archive declares more than 64 MB unpacked (one byte of a size field changed)', async () => {
    // The first central directory header (signature 50 4B 01 02) holds the entry's unpacked size at offset 24;
    // 0xFF in its high byte declares over 4,000 MB, far above the 64 MB a census workbook may unpack to.
    const at = validWorkbook.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24 + 3;
    const outcome = await read('recensement.xlsx', mutate(validWorkbook, [{ kind: 'flip', at, byte: 0xff }]));
    expect(outcome).toEqual({
      failed: {
        code: 'payload_too_large',
        issues: [expect.objectContaining({ field: 'file', file: 'recensement.xlsx', reason: expect.stringContaining('dépasse 64 Mo') })],
      },
    });
    expectCleanOutcome(outcome);
  });

  it('check cells of wrong types in a workbook (numbers, booleans, dates, formulas, errors)', async () => {
    const valueArb = fc.oneof(
      cellArb,
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.integer(),
      fc.constant({ formula: '1/0', result: { error: '#DIV/0!' } }),
      fc.constant({ richText: [{ text: 'riche' }] }),
      fc.constant({ text: 'lien', hyperlink: 'https://example.org' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(valueArb, { maxLength: 13 }), { maxLength: 6 }), async (rows) =>
        expectCleanOutcome(await read('recensement.xlsx', await workbookOf(rows))),
      ),
      { numRuns: 30 },
    );
  });

  it('refuse a huge cell and deeply nested text as cell errors, not crashes', async () => {
    const huge = [SIRET, '34927100', 'x'.repeat(200_000), deeplyNested(5_000)];
    const outcome = await read('recensement.csv', Buffer.from(toCsv([HEADER, huge])));
    expectCleanOutcome(outcome);
    expect('result' in outcome && outcome.result.errors.length).toBeGreaterThan(0);
  });
});
