import type { BuyerContracts, Observatory } from './observatory';
import { ObservatoryWriter } from './observatory-writer';

/**
 * The observatory after some buyers' contracts changed (a daily DECP delta): `changed` holds the
 * complete new contract list of each such buyer (empty: it has none left). Only the départements
 * and CPV classes those buyers were or are in are recomputed; the result equals `buildObservatory`
 * over the updated data, and `observatory` itself is left unchanged.
 */
export function applyObservatoryDelta(observatory: Observatory, changed: readonly BuyerContracts[]): Observatory {
  const writer = new ObservatoryWriter(observatory);
  for (const entry of changed) writer.apply(entry);
  return writer.finish();
}
