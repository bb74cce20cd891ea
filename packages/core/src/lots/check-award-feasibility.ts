/** Options of the award check: eligible firms of each lot and the R2113-1 cap. */
export interface CheckAwardFeasibilityOptions {
  /** For each lot, the indices of its eligible local firms. */
  eligibleByLot: readonly (readonly number[])[];
  maxLotsPerBidder: number | null;
}

/**
 * How many lots can go to local firms at once when no firm wins more than `maxLotsPerBidder`
 * (R2113-1): a maximum bipartite matching lots → firms where each firm has that many slots
 * (augmenting paths; a few hundred lots at most). This is how the cap enters the accessibility
 * reading: k eligible firms per lot are not enough if the same firms are eligible everywhere.
 */
export function checkAwardFeasibility({ eligibleByLot, maxLotsPerBidder }: CheckAwardFeasibilityOptions): number {
  const cap = maxLotsPerBidder === null ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(maxLotsPerBidder));
  if (cap === Number.POSITIVE_INFINITY) return eligibleByLot.filter((firms) => firms.length > 0).length;
  const lotsOfFirm = new Map<number, number[]>();
  const tryAssign = (lot: number, seen: Set<number>): boolean => {
    for (const firm of eligibleByLot[lot] ?? []) {
      if (seen.has(firm)) continue;
      seen.add(firm);
      const held = lotsOfFirm.get(firm) ?? [];
      if (held.length < cap) {
        lotsOfFirm.set(firm, [...held, lot]);
        return true;
      }
      for (let i = 0; i < held.length; i++) {
        if (tryAssign(held[i] as number, seen)) {
          lotsOfFirm.set(
            firm,
            held.map((l, j) => (j === i ? lot : l)),
          );
          return true;
        }
      }
    }
    return false;
  };
  let matched = 0;
  eligibleByLot.forEach((_, lot) => {
    if (tryAssign(lot, new Set())) matched += 1;
  });
  return matched;
}
