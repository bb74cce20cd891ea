import type { BuyerContracts, Observatory } from './observatory';
import { EMPTY_OBSERVATORY, ObservatoryWriter } from './observatory-writer';

/**
 * The opportunities of every département found in published contracts alone: per buyer and CPV
 * class, the yearly needs `proposeDecpNeeds` proposes (a chain of successive contracts counted
 * once); per département and class, the buyers
 * of at least two distinct SIRENs; each département's list ranked by poolability, then amount.
 * Reads the buyers one at a time, so a caller may stream them.
 */
export function buildObservatory(buyers: Iterable<BuyerContracts>): Observatory {
  const writer = new ObservatoryWriter(EMPTY_OBSERVATORY);
  for (const entry of buyers) writer.apply(entry);
  return writer.finish();
}

/** Builds an observatory from buyers handed over in batches (a caller reading pages from a database). */
export function createObservatoryBuilder(): { add(buyers: Iterable<BuyerContracts>): void; finish(): Observatory } {
  const writer = new ObservatoryWriter(EMPTY_OBSERVATORY);
  return {
    add(buyers) {
      for (const entry of buyers) writer.apply(entry);
    },
    finish: () => writer.finish(),
  };
}
