import type { Cents } from '../domain/types';

export interface CostShare {
  id: string;
  amountCents: Cents;
  /** Share of the total estimated amount, in basis points (1 % = 100). */
  basisPoints: number;
  costCents: Cents;
}

/**
 * Splits a cost pro rata of the members' estimated amounts, on integer cents, by largest remainder
 * so that the shares add up exactly to the cost.
 */
export function shareCostProRata(costCents: Cents, amounts: readonly { id: string; amountCents: Cents }[]): CostShare[] {
  const total = amounts.reduce((s, a) => s + a.amountCents, 0);
  if (total <= 0) return amounts.map((a) => ({ ...a, basisPoints: 0, costCents: 0 }));
  const exact = amounts.map((a) => ({ ...a, raw: (BigInt(costCents) * BigInt(a.amountCents)) % BigInt(total) }));
  const floors = amounts.map((a) => Number((BigInt(costCents) * BigInt(a.amountCents)) / BigInt(total)));
  let left = costCents - floors.reduce((s, f) => s + f, 0);
  const order = exact.map((e, i) => ({ i, raw: e.raw })).sort((a, b) => (b.raw > a.raw ? 1 : b.raw < a.raw ? -1 : a.i - b.i));
  const costs = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    costs[i] = (costs[i] ?? 0) + 1;
    left -= 1;
  }
  return amounts.map((a, i) => ({
    id: a.id,
    amountCents: a.amountCents,
    basisPoints: Math.round((a.amountCents * 10_000) / total),
    costCents: costs[i] ?? 0,
  }));
}
