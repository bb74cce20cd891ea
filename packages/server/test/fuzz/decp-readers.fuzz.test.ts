import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeDecpAward } from '@mutualis/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readDecpFile } from '../../src/import';
import { deeplyNested, describeThrown, mutate, mutationArb } from './fuzz-inputs';

const FIXTURES = join(import.meta.dirname, '../fixtures/decp');
const JSON_SAMPLE = readFileSync(join(FIXTURES, 'real-2019-sample-3.json'));
const XML_SAMPLE = readFileSync(join(FIXTURES, 'real-2019-sample.xml')).subarray(0, 12_000);
const XML_2024 = readFileSync(join(FIXTURES, 'official-2024-marches.xml'));
const RUNS = 60;
const dir = mkdtempSync(join(tmpdir(), 'mutualis-fuzz-decp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReadOutcome {
  records: number;
  failed: { code: unknown; issues: { field: unknown; reason: unknown }[] } | null;
}

let fileNumber = 0;
/** Reads `bytes` as a DECP file with small chunks (records straddle chunks), normalising every parsed record. */
async function readAll(bytes: Uint8Array, chunkBytes = 257): Promise<ReadOutcome> {
  fileNumber += 1;
  const path = join(dir, `f${fileNumber}`);
  writeFileSync(path, bytes);
  let records = 0;
  try {
    for await (const record of readDecpFile(path, { chunkBytes })) {
      records += 1;
      expect(record.index).toBeGreaterThanOrEqual(0);
      if ('error' in record) {
        expect(record.error.length).toBeGreaterThan(0);
        continue;
      }
      const normalized = normalizeDecpAward(record.raw);
      if (!normalized.ok) expectNamedRejections(normalized.rejections);
    }
    return { records, failed: null };
  } catch (error) {
    return { records, failed: describeThrown(error) };
  } finally {
    rmSync(path, { force: true });
  }
}

function expectNamedRejections(rejections: readonly { field: string; reason: string }[]): void {
  expect(rejections.length).toBeGreaterThan(0);
  for (const r of rejections) {
    expect(r.field.length).toBeGreaterThan(0);
    expect(r.reason.length).toBeGreaterThan(0);
  }
}

/** A whole-file failure is only ever `unreadable_file` naming the file and a reason. */
function expectCleanOutcome(outcome: ReadOutcome): void {
  if (outcome.failed === null) return;
  expect(outcome.failed.code).toBe('unreadable_file');
  expect(outcome.failed.issues[0]?.field).toBe('file');
  expect(String(outcome.failed.issues[0]?.reason ?? '').length).toBeGreaterThan(0);
}

describe('DECP readers and normaliser under fuzzing', () => {
  it('turn random bytes into records, record errors or unreadable_file, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3_000 }), async (bytes) => expectCleanOutcome(await readAll(bytes))),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['JSON 2019', JSON_SAMPLE],
    ['XML 2019', XML_SAMPLE],
    ['XML 2024', XML_2024],
  ])('survive truncated, flipped, BOM-prefixed and invalid-UTF-8 %s files', async (_name, sample) => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (mutations) =>
        expectCleanOutcome(await readAll(mutate(sample, mutations))),
      ),
      { numRuns: RUNS },
    );
  });

  it('reports deep nesting and huge strings inside a record as that record, not as a crash', async () => {
    const body = `{"marches":[${deeplyNested(20_000)},{"id":"${'x'.repeat(5_000_000)}"},{"id":"1"}]}`;
    const outcome = await readAll(Buffer.from(body), 1 << 16);
    expectCleanOutcome(outcome);
    expect(outcome.records).toBe(3);
  });

  it('rejects records with wrong field types field by field', () => {
    const [template] = (JSON.parse(JSON_SAMPLE.toString('utf8')) as { marches: Record<string, unknown>[] }).marches;
    const fields = Object.keys(template ?? {});
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), (changes) => {
        const normalized = normalizeDecpAward({ ...template, ...changes });
        if (!normalized.ok) expectNamedRejections(normalized.rejections);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any JSON value that is not a record, naming a field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalized = normalizeDecpAward(value);
        expect(normalized.ok).toBe(false);
        if (!normalized.ok) expectNamedRejections(normalized.rejections);
      }),
      { numRuns: 300 },
    );
  });
});
