import type { DecpFlag } from '@mutualis/core';
import { expect, it } from 'vitest';
import { createDecpStore } from '../src';
import { buildOrganization, buildRunningContract, buildTerritory, forEachDialect } from './dialects';

const UNDATED: DecpFlag = { code: 'undated', value: '2018-01-01', year: 2018, yearSource: 'id', publishedDate: null };
const CPV_2003: DecpFlag = { code: 'cpv_2003', value: '90910000', published: '74700000' };

forEachDialect('running contracts: DECP flags', (t) => {
  it('stores the import’s flags and the reviews, lists flagged contracts by code and counts them', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization({ name: 'Commune A' }));
    await t.repos.memberships.add(territory.id, org.id);
    const flagged = await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: org.id, source: 'decp', decpId: `${org.siret}|F-1`, decpFlags: [UNDATED, CPV_2003] }),
    );
    await t.repos.runningContracts.insert(buildRunningContract({ organizationId: org.id, source: 'decp', decpId: `${org.siret}|P-1` }));
    expect(flagged.decpFlags).toEqual([UNDATED, CPV_2003]);
    const review = { cpv_2003: { value: '90910000', by: 'animatrice@example.fr', at: '2026-12-06T15:00:00.000Z' } };
    expect((await t.repos.runningContracts.update(flagged.id, { decpFlagReviews: review }))?.decpFlagReviews).toEqual(review);

    const all = await t.repos.runningContracts.listFlagged({ territoryId: territory.id });
    const undated = await t.repos.runningContracts.listFlagged({ territoryId: territory.id, code: 'undated' });
    const anomalous = await t.repos.runningContracts.listFlagged({ territoryId: territory.id, code: 'amount_anomalous' });
    expect([all.total, undated.items.map((c) => c.id), anomalous.total]).toEqual([1, [flagged.id], 0]);
    const counts = await t.repos.runningContracts.countFlags({ territoryId: territory.id });
    expect([counts.undated, counts.cpv_2003, counts.holder_id_invalid, counts.amount_anomalous]).toEqual([1, 1, 0, 0]);
  });

  /**
   * One peer group: works (CPV 45000000), marchés of communes, 32 contracts, whole amounts
   * (works are never compared per month). In log10(euros + 1): 8 × 99 € → 2, 15 × 999 € → 3,
   * 7 × 9,999 € → 4, 50,000,000 € → 7.69897, 5,000,000,000 € → 9.69897. Median of the 32 values:
   * the 16th and 17th are 3 → 3. Deviations: 15 × 0, 15 × 1, 4.69897, 6.69897 → the 16th and
   * 17th are 1 → MAD 1. Scores: 50 M€ → 4.69897 (rounded 4.7: suspect), 5 G€ → 6.69897 (6.7:
   * aberrant). Median of the amounts in cents: the 16th and 17th are 99,900. Beside them, a
   * 99,999,999 € placeholder (flagged `amount_sentinel` by the import) and a contract without
   * amount are neither peers nor assessed.
   */
  it('flags the amounts far above their peer group’s median, once, and tells which buyers changed', async () => {
    const org = await t.repos.organizations.insert(buildOrganization({ kind: 'commune' }));
    const works = (n: number, euros: number | null, decpFlags: DecpFlag[] = []) =>
      t.repos.runningContracts.insert(
        buildRunningContract({
          organizationId: org.id,
          source: 'decp',
          decpId: `${org.siret}|W-${n}`,
          cpvCode: '45000000',
          nature: 'marche',
          durationMonths: 10,
          amountCents: euros === null ? null : euros * 100,
          decpFlags,
        }),
      );
    const amounts = [...Array(8).fill(99), ...Array(15).fill(999), ...Array(7).fill(9_999)] as number[];
    for (const [i, euros] of amounts.entries()) await works(i, euros);
    const suspect = await works(100, 50_000_000);
    const aberrant = await works(101, 5_000_000_000);
    const sentinel = await works(102, 99_999_999, [{ code: 'amount_sentinel', value: 9_999_999_900, published: '99 999 999' }]);
    await works(103, null);
    // A member's own contract (source manual) of the same class, far above: neither a peer nor assessed.
    const manual = await t.repos.runningContracts.insert(
      buildRunningContract({
        organizationId: org.id,
        cpvCode: '45000000',
        nature: 'marche',
        durationMonths: 10,
        amountCents: 500_000_000_000,
      }),
    );

    const outcome = await createDecpStore(t.m).refreshAmountChecks();
    expect(outcome).toEqual({ flagged: 2, changed: 2, organizationIds: [org.id] });
    const flagOf = async (id: string) =>
      (await t.repos.runningContracts.getById(id))?.decpFlags?.find((f) => f.code === 'amount_anomalous');
    const group = {
      code: 'amount_anomalous',
      basis: 'total',
      peerMedianCents: 99_900,
      peerCount: 32,
      peerGroup: 'classe CPV 4500, marchés, communes',
    };
    expect(await flagOf(suspect.id)).toEqual({
      ...group,
      value: 5_000_000_000,
      level: 'suspect',
      score: 4.7,
      comparedCents: 5_000_000_000,
    });
    expect(await flagOf(aberrant.id)).toEqual({
      ...group,
      value: 500_000_000_000,
      level: 'aberrant',
      score: 6.7,
      comparedCents: 500_000_000_000,
    });
    expect(await flagOf(sentinel.id)).toBeUndefined();
    expect(await flagOf(manual.id)).toBeUndefined();
    expect(await createDecpStore(t.m).refreshAmountChecks()).toEqual({ flagged: 2, changed: 0, organizationIds: [] });
  });
});
