import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildDemoTerritories } from '@mutualis/core/demo';
import { loadDemo } from '@mutualis/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../db/test/dialects';

const run = promisify(execFile);

/** The parts of the JSON outputs these tests read (the CLI does not depend on the contract package). */
interface LotsJson {
  k: number;
  design:
    | { ok: false; reason: string }
    | { ok: true; recommendedId: string; frontier: { id: string; lots: { eligibleFirms: unknown[] }[] }[] };
}
interface SourcingJson {
  need: { productCpvCode: string };
  potentialProducers: { name: string }[];
}
const BIN = fileURLToPath(new URL('../../bin/mutualis.mjs', import.meta.url));

/** Runs `mutualis <args>` as a child process against the test database. */
function mutualis(database: TestDatabase, ...args: string[]) {
  return run(process.execPath, [BIN, ...args, '--database', database.url], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

describe('mutualis lots and sourcing', () => {
  let database: TestDatabase;
  let gelNeedId: string;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    const dataset = buildDemoTerritories('2026-12-01');
    await loadDemo(database.m, dataset);
    await database.m.close();
    gelNeedId = dataset.needs.find((n) => n.cpvCode === '33741300' && n.organizationId === 'demo-org-16-ch-angouleme')?.id ?? '';
  }, 120_000);
  afterAll(async () => {
    await database.dispose();
  });

  it('prints the lot design of the Charente gel as JSON, each recommended lot open to two local firms', async () => {
    const { stdout } = await mutualis(
      database,
      'lots',
      '--opportunity',
      'famille:fam-hand-sanitizer@16',
      '--territory',
      'charente',
      '--k',
      '2',
      '--at',
      '2026-12-01',
      '--json',
    );
    const { design, k } = JSON.parse(stdout) as LotsJson;
    if (!design.ok) throw new Error(design.reason);
    expect(k).toBe(2);
    const recommended = design.frontier.find((s) => s.id === design.recommendedId);
    expect(recommended?.lots.every((l) => l.eligibleFirms.length >= 2)).toBe(true);
  });

  it('rejects a k that is not an integer, naming the flag', async () => {
    const failure = await mutualis(database, 'lots', '--opportunity', 'x', '--territory', 'charente', '--k', 'deux').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 65, stderr: expect.stringContaining('--k') });
  });

  it('prints the sourcing of the hospital’s gel need as JSON with the polish maker among potential producers', async () => {
    const { stdout } = await mutualis(database, 'sourcing', '--need', gelNeedId, '--json');
    const result = JSON.parse(stdout) as SourcingJson;
    expect(result.need.productCpvCode).toBe('33741300');
    expect(result.potentialProducers.map((p) => p.name)).toContain('Cirages et Cires de l’Angoumois');
  });
});
