import type { Cents } from '@mutualis/core';
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
export declare function shareCostProRata(
  costCents: Cents,
  amounts: readonly {
    id: string;
    amountCents: Cents;
  }[],
): CostShare[];
