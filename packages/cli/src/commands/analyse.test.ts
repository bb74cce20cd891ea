import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildDemoTerritories } from '@mutualis/core/demo';
import { loadDemo } from '@mutualis/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../db/test/dialects';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/mutualis.mjs', import.meta.url));

interface AnalyseJson {
  territory: string;
  at: string;
  opportunities: {
    family: { key: string; label: string; cpvCodes: string[] };
    members: { siret: string; name: string; share: number }[];
    annualAmount: number;
    estimatedValue: number;
    procedure: { kind: string; article: string; thresholdVersion: string };
    thresholdCrossed: boolean;
    startDate: string;
    waves: { kind: string; members: string[] }[];
    savings: { low: number; central: number; high: number };
    coordinator: { siret: string };
  }[];
}

/** Runs `mutualis <args>` as a child process (tsx, no build step) against the test database. */
function mutualis(database: TestDatabase, ...args: string[]) {
  return run(process.execPath, [BIN, ...args, '--database', database.url], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

describe('mutualis analyse', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    await loadDemo(database.m, buildDemoTerritories('2026-12-01'));
    await database.m.close();
  }, 120_000);
  afterAll(async () => {
    await database.dispose();
  });

  it('prints one JSON document of ranked opportunities with families, members, procedure, waves, savings and coordinator', async () => {
    const { stdout } = await mutualis(database, 'analyse', '--territory', 'alsace', '--at', '2026-12-01', '--format', 'json');
    const document = JSON.parse(stdout) as AnalyseJson;
    expect(document).toMatchObject({ territory: 'alsace', at: '2026-12-01' });
    const salt = document.opportunities.find((o) => o.family.key === 'famille:fam-salt');
    expect(salt?.family.cpvCodes).toContain('34927100');
    expect(salt?.members.map((m) => m.siret)).toContain(salt?.coordinator.siret);
    expect(salt?.members.reduce((sum, m) => sum + m.share, 0)).toBeCloseTo(1, 6);
    expect(salt?.procedure.thresholdVersion).toMatch(/^seuils-/);
    expect(salt?.estimatedValue).toBeGreaterThan(salt?.annualAmount ?? Number.POSITIVE_INFINITY);
    for (const o of document.opportunities) expect(o.savings.low).toBeLessThanOrEqual(o.savings.high);
  }, 120_000);

  it('prints an aligned table with French headers and a semicolon CSV', async () => {
    const table = await mutualis(database, 'analyse', '--territory', 'charente', '--at', '2026-12-01');
    const [, header, rule] = table.stdout.split('\n');
    expect(header).toMatch(/^Rang\s+Famille\s+Zone/);
    expect(rule?.startsWith('────')).toBe(true);
    const csv = await mutualis(database, 'analyse', '--territory', 'charente', '--at', '2026-12-01', '--format', 'csv');
    const [csvHeader, firstRow] = csv.stdout.trim().split('\n');
    expect(csvHeader?.split(';')[0]).toBe('Rang');
    // Fields holding a semicolon are quoted (the private member's coordinator reason has one): split outside quotes.
    const fields = (line: string | undefined) => (line ?? '').split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(fields(firstRow).length).toBe(fields(csvHeader).length);
  }, 120_000);

  it('exits 65 naming the flag when the date or the format is wrong', async () => {
    const failure = await mutualis(database, 'analyse', '--territory', 'alsace', '--at', '2026-13-01', '--format', 'pdf').catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 65 });
    expect(String((failure as { stderr: string }).stderr)).toMatch(/--at.*--format/);
  }, 120_000);
});
