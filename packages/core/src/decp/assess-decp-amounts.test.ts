import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractNature, OrganizationKind } from '../domain/types';
import {
  assessDecpAmount,
  type DecpAmountFacts,
  DecpAmountPeerGroups,
  type DecpAmountPeerStats,
  decpAmountFlagFloors,
} from './assess-decp-amounts';

function statsOf(contracts: readonly DecpAmountFacts[]): DecpAmountPeerStats {
  const groups = new DecpAmountPeerGroups();
  for (const facts of contracts) groups.add(facts);
  return groups.finish();
}

const works = (id: number, euros: number): DecpAmountFacts => ({
  id: `w${id}`,
  cpvCode: '45000000',
  nature: 'marche',
  buyerKind: 'commune',
  amountCents: euros * 100,
  durationMonths: 10,
  isSentinel: false,
});

describe('decpAmountFlagFloors', () => {
  /**
   * The group of db's decp-flags test: works of communes, 32 contracts, median of
   * log10(euros + 1) = 3, MAD = 1. A contract is flagged when x > 3 + 4 × 1 = 7, i.e. above
   * 10^7 − 1 = 9,999,999 € = 999,999,900 cents. The floor stays below by a billionth and one
   * cent: floor(999,999,900 × (1 − 10⁻⁹)) − 1 = floor(999,999,899.0000001) − 1 = 999,999,898.
   */
  it('gives, per finest group, the compared amount at or below which nothing is flagged', () => {
    const euros = [...Array(8).fill(99), ...Array(15).fill(999), ...Array(7).fill(9_999), 50_000_000, 5_000_000_000] as number[];
    const stats = statsOf(euros.map((e, i) => works(i, e)));
    expect(decpAmountFlagFloors(stats)).toEqual([
      { cpvClass: '4500', nature: 'marche', buyerKind: 'commune', isWorks: true, floorCents: 999_999_898 },
    ]);
    const verdictAt = (cents: number) => assessDecpAmount(stats, { ...works(99, 0), amountCents: cents })?.level ?? null;
    // x = log10(9,999,999 + 1) = 7 exactly: a score of 4, not above it; one cent more is.
    expect([verdictAt(999_999_898), verdictAt(999_999_900), verdictAt(999_999_901)]).toEqual([null, null, 'suspect']);
  });

  it('lists no floor for a group that flags nothing (too few peers at every level, or no spread)', () => {
    expect(decpAmountFlagFloors(statsOf([works(1, 1_000), works(2, 1_000_000)]))).toEqual([]);
    expect(decpAmountFlagFloors(statsOf(Array.from({ length: 40 }, (_, i) => works(i, 5_000))))).toEqual([]);
  });

  const KINDS: OrganizationKind[] = ['commune', 'departement', 'hospital'];
  const NATURES: ContractNature[] = ['marche', 'accord_cadre'];
  const CPVS = ['45233140', '45210000', '30192000', '30197630', '33141411', '90910000', '79710000'];
  // `exponent`: log10 of the compared amount (per month for supplies and services over more than a month).
  const contractArb = (exponent: fc.Arbitrary<number>) =>
    fc
      .record({
        cpvCode: fc.constantFrom(...CPVS),
        nature: fc.constantFrom(...NATURES),
        buyerKind: fc.constantFrom(...KINDS),
        exponent,
        durationMonths: fc.constantFrom(1, 2, 3, 12, 24, 48),
      })
      .map(({ exponent: e, ...c }) => {
        const months = c.cpvCode.startsWith('45') ? 1 : c.durationMonths;
        return { ...c, amountCents: Math.round(10 ** e * months) };
      });
  // Most compared amounts near 10^5 cents (log spread ±0.4), a few far above: groups with a spread and outliers.
  const contractsArb = fc
    .tuple(
      fc.array(contractArb(fc.double({ min: 4.6, max: 5.4, noNaN: true })), { minLength: 200, maxLength: 400 }),
      fc.array(contractArb(fc.double({ min: 7, max: 11, noNaN: true })), { minLength: 1, maxLength: 15 }),
    )
    .map(([bulk, outliers]) => [...bulk, ...outliers]);

  /**
   * The property a store relies on to assess only the contracts above their group's floor: every
   * contract `assessDecpAmount` flags compares above the floor of its finest group; and the floor is
   * tight (a contract just above the exact bound is flagged), or skipping below it would be pointless.
   */
  it('never leaves a flagged contract at or below its floor, and stays within a billionth of the bound', () => {
    const checked = { flagged: 0, floors: 0 };
    fc.assert(
      fc.property(contractsArb, (drawn) => {
        const contracts: DecpAmountFacts[] = drawn.map((c, i) => ({ ...c, id: `c${i}`, isSentinel: false }));
        const stats = statsOf(contracts);
        const floors = new Map(decpAmountFlagFloors(stats).map((f) => [`${f.cpvClass}|${f.nature}|${f.buyerKind}`, f]));
        for (const facts of contracts) {
          const flag = assessDecpAmount(stats, facts);
          if (flag === null) continue;
          const floor = floors.get(`${facts.cpvCode.slice(0, 4)}|${facts.nature}|${facts.buyerKind}`);
          expect(floor).toBeDefined();
          expect(flag.comparedCents).toBeGreaterThan(floor?.floorCents ?? Number.POSITIVE_INFINITY);
          checked.flagged += 1;
        }
        for (const floor of floors.values()) {
          const member = contracts.find(
            (c) => `${c.cpvCode.slice(0, 4)}|${c.nature}|${c.buyerKind}` === `${floor.cpvClass}|${floor.nature}|${floor.buyerKind}`,
          );
          // The least compared amount flagged in this group, by bisection (flags grow with the amount).
          const isFlagged = (cents: number) =>
            assessDecpAmount(stats, { ...(member as DecpAmountFacts), amountCents: cents, durationMonths: 1 }) !== null;
          let [lo, hi] = [1, Math.ceil(Math.max(floor.floorCents, 1) * 1.1) + 100];
          expect(isFlagged(hi)).toBe(true);
          while (lo < hi) {
            const mid = Math.floor((lo + hi) / 2);
            if (isFlagged(mid)) hi = mid;
            else lo = mid + 1;
          }
          expect(lo).toBeGreaterThan(floor.floorCents);
          expect(lo).toBeLessThanOrEqual(Math.ceil(floor.floorCents * (1 + 2e-9)) + 3);
          checked.floors += 1;
        }
      }),
      { numRuns: 200 },
    );
    // Not vacuous: the runs flagged contracts and had floors.
    expect(checked.flagged).toBeGreaterThan(100);
    expect(checked.floors).toBeGreaterThan(200);
  });
});
