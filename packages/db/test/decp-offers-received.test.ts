import { type DecpAward, normalizeDecpAward } from '@mutualis/core';
import { expect, it } from 'vitest';
import { buildRawDecpRecord } from '../../core/src/decp/build-raw-decp-record';
import { createDecpStore } from '../src/index';
import { buildTerritory, forEachDialect, uniqueSiret } from './dialects';

const NOW = '2026-12-06T10:00:00.000Z';

/** A normalised award of the real PES record (2019 format, no `offresRecues`), with these fields replaced. */
function award(overrides: Record<string, unknown>): DecpAward {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

// Issue 17 §2: the bids a contract drew (DECP `offresRecues`) are stored per contract for the supply-security indicator.
forEachDialect('DECP store: offers received', (t) => {
  it('stores offresRecues with the contract, NULL when the record publishes none, and reads it on the running contract', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const importId = (
      await t.repos.imports.insert({
        territoryId: territory.id,
        kind: 'decp',
        status: 'running',
        userId: null,
        actor: 'test',
        fileNames: ['decp.json'],
        options: {},
        runner: null,
        now: NOW,
      })
    ).id;
    const buyer = uniqueSiret();
    const writer = createDecpStore(t.m).writer({ importId, territoryId: territory.id, now: NOW });
    const outcome = await writer.writeChunk([
      award({ acheteur: { id: buyer }, id: 'O-1', offresRecues: 4 }),
      award({ acheteur: { id: buyer }, id: 'O-2' }),
    ]);
    expect(outcome.imported).toBe(2);
    const [withBids, without] = await Promise.all([
      t.repos.runningContracts.getByDecpId(`${buyer}|O-1`),
      t.repos.runningContracts.getByDecpId(`${buyer}|O-2`),
    ]);
    expect(withBids?.offersReceived).toBe(4);
    expect(without).toBeDefined();
    expect(without?.offersReceived).toBeUndefined();
    // A later import publishing a corrected count rewrites it like any DECP column.
    const later = createDecpStore(t.m).writer({ importId, territoryId: territory.id, now: NOW });
    expect((await later.writeChunk([award({ acheteur: { id: buyer }, id: 'O-1', offresRecues: 6 })])).updated).toBe(1);
    expect((await t.repos.runningContracts.getByDecpId(`${buyer}|O-1`))?.offersReceived).toBe(6);
  });
});
