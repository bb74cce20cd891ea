import { DECP_FLAG_LABELS, type DecpFlagCounts } from '@mutualis/contract';
import { formatNumber } from '../format/number';

/** A flag's short name inside a sentence: « non daté », but « CPV 2003 converti » and « SIRET … » keep their capitals. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** « non daté : 2, titulaire non identifié : 1 », the most frequent first; '' when nothing is counted (or for an import stored before flags were counted). */
export function describeFlagCounts(counts: DecpFlagCounts | undefined): string {
  return Object.entries(counts ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || a.localeCompare(b))
    .map(([code, n]) => `${inSentence(DECP_FLAG_LABELS[code as keyof DecpFlagCounts])} : ${formatNumber(n)}`)
    .join(', ');
}
