import { type DecpFlagCounts, flagCountsInSentence } from '@mutualis/contract';
import { formatNumber } from '../format/number';

/** « non daté : 2, titulaire non identifié : 1 »; '' when nothing is counted (or for an import stored before flags were counted). */
export function describeFlagCounts(counts: DecpFlagCounts | undefined): string {
  return flagCountsInSentence(counts ?? {})
    .map(({ label, count }) => `${label} : ${formatNumber(count)}`)
    .join(', ');
}
