import { assessDecpAmount, assessDecpAmounts, type DecpAmountFacts, DecpAmountPeerGroups, type DecpFlag } from '@mutualis/core';
import { expect, it } from 'vitest';
import { createDecpStore } from '../src';
import { buildOrganization, buildRunningContract, buildTerritory, forEachDialect } from './dialects';

const UNDATED: DecpFlag = { code: 'undated', value: '2018-01-01', year: 2018, yearSource: 'id', publishedDate: null };
const CPV_2003: DecpFlag = { code: 'cpv_2003', value: '90910000', published: '74700000' };

forEachDialect('running contracts: DECP flags', (t) => {
  it('stores the import’s flags and the reviews, and reads back the flag facts of the territory’s flagged contracts', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const a = await t.repos.organizations.insert(buildOrganization({ name: 'Commune A' }));
    const b = await t.repos.organizations.insert(buildOrganization({ name: 'Bibliothèque B' }));
    const outside = await t.repos.organizations.insert(buildOrganization({ name: 'Commune hors territoire' }));
    for (const org of [a, b]) await t.repos.memberships.add(territory.id, org.id);
    const contract = (org: { id: string; siret: string }, reference: string, label: string, decpFlags: DecpFlag[] = [UNDATED]) =>
      t.repos.runningContracts.insert(
        buildRunningContract({ organizationId: org.id, source: 'decp', decpId: `${org.siret}|${reference}`, reference, label, decpFlags }),
      );
    const flagged = await contract(a, 'F-2', 'Sel de déneigement', [UNDATED, CPV_2003]);
    const earlier = await contract(a, 'F-1', 'Gants de travail');
    const library = await contract(b, 'L-1', 'Livres');
    await contract(a, 'P-1', 'Papier', []);
    await contract(outside, 'O-1', 'Sel');
    expect(flagged.decpFlags).toEqual([UNDATED, CPV_2003]);
    const review = { cpv_2003: { value: '90910000', by: 'animatrice@example.fr', at: '2026-12-06T15:00:00.000Z' } };
    expect((await t.repos.runningContracts.update(flagged.id, { decpFlagReviews: review }))?.decpFlagReviews).toEqual(review);

    // Flagged contracts of the territory's members only (not P-1, not the outside buyer's), by buyer name then reference.
    const facts = await t.repos.runningContracts.listFlagFacts({ territoryId: territory.id });
    expect(facts.map((f) => f.id)).toEqual([library.id, earlier.id, flagged.id]);
    expect(facts[2]).toMatchObject({
      startDate: flagged.startDate,
      cpvCode: flagged.cpvCode,
      decpFlags: [UNDATED, CPV_2003],
      decpFlagReviews: review,
    });
    // Searched in the buyer's name, the objet and the reference, whatever the case.
    const search = async (q: string) => (await t.repos.runningContracts.listFlagFacts({ territoryId: territory.id, q })).map((f) => f.id);
    expect([await search('bibliothèque'), await search('DÉNEIGEMENT'), await search('f-1')]).toEqual([
      [library.id],
      [flagged.id],
      [earlier.id],
    ]);
    expect((await t.repos.runningContracts.getByIds([flagged.id, 'absent', library.id])).map((c) => c.id)).toEqual([
      flagged.id,
      library.id,
    ]);
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

  /**
   * The refresh assesses again only the contracts above their group's floor and those with a
   * verdict stored: its verdicts must be core's on every contract. One group (toner cartridges,
   * marchés of hospitals, compared per month beyond one month; no other test of this file shares a
   * group with it at any level), 40 contracts around 1,000 € a month; then
   * probes at the least flagged compared amount B and one cent below it, whole (1 month) and per
   * month over 48 months (48 × B − 24 rounds to B, 48 × (B − 1) + 23 to B − 1); and one ordinary
   * contract stored with a verdict, which must lose it. B comes from core with the probes far above
   * (median and MAD count only that they are above: the same statistics), by bisection.
   */
  it('gives every contract core’s verdict, assessing again only those that may get or lose one', async () => {
    const org = await t.repos.organizations.insert(buildOrganization({ kind: 'hospital' }));
    const facts = (id: string, amountCents: number, durationMonths: number): DecpAmountFacts => ({
      id,
      cpvCode: '30125100',
      nature: 'marche',
      buyerKind: 'hospital',
      amountCents,
      durationMonths,
      isSentinel: false,
    });
    const months = [1, 12, 24, 48];
    const bulk = Array.from({ length: 40 }, (_, i) => {
      const m = months[i % 4] as number;
      return facts(`b${i}`, Math.round(10 ** (5 + 0.4 * Math.sin(i))) * m, m);
    });
    const groups = new DecpAmountPeerGroups();
    for (const f of [...bulk, ...Array.from({ length: 4 }, (_, i) => facts(`p${i}`, 10 ** 11, 1))]) groups.add(f);
    const stats = groups.finish();
    let [lo, hi] = [1, 10 ** 11];
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (assessDecpAmount(stats, facts('probe', mid, 1)) === null) lo = mid + 1;
      else hi = mid;
    }
    const probes = [
      facts('atB', lo, 1),
      facts('belowB', lo - 1, 1),
      facts('atB48', 48 * lo - 24, 48),
      facts('belowB48', 48 * (lo - 1) + 23, 48),
    ];
    const all = [...bulk, ...probes];
    const ids = new Map<string, string>();
    for (const f of all) {
      const row = await t.repos.runningContracts.insert(
        buildRunningContract({
          organizationId: org.id,
          source: 'decp',
          decpId: `${org.siret}|${f.id}`,
          cpvCode: f.cpvCode,
          nature: f.nature,
          durationMonths: f.durationMonths,
          amountCents: f.amountCents,
        }),
      );
      ids.set(f.id, row.id);
    }
    const stale = JSON.stringify({
      code: 'amount_anomalous',
      value: 1,
      level: 'suspect',
      score: 5,
      basis: 'total',
      comparedCents: 1,
      peerMedianCents: 1,
      peerCount: 30,
      peerGroup: 'x',
    });
    await t.m.db
      .updateTable('running_contracts')
      .set({ amount_check_json: stale })
      .where('id', '=', ids.get('b0') as string)
      .execute();

    const outcome = await createDecpStore(t.m).refreshAmountChecks();
    const expected = assessDecpAmounts(all);
    expect([...expected.keys()].sort()).toEqual(expect.arrayContaining(['atB', 'atB48']));
    expect([expected.has('belowB'), expected.has('belowB48'), expected.has('b0')]).toEqual([false, false, false]);
    for (const f of all) {
      const stored = (await t.repos.runningContracts.getById(ids.get(f.id) as string))?.decpFlags?.find(
        (x) => x.code === 'amount_anomalous',
      );
      expect([f.id, stored ?? null]).toEqual([f.id, expected.get(f.id) ?? null]);
    }
    // `flagged` counts every verdict stored, other tests' too: the changes are this test's.
    expect([outcome.changed, outcome.organizationIds]).toEqual([expected.size + 1, [org.id]]);
  });
});
