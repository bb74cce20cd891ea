import type { Cents } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';

/** What replaces a withheld amount in a French explanation. */
export const WITHHELD_AMOUNT_TEXT = 'montant non communiqué';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with each of `amounts` (as the explanations write them: whole euros, « 12 346 € »)
 * replaced by « montant non communiqué ». Explanations are written by core with `formatEuros`;
 * the presenter passes the amounts it withholds. A longer number that ends with the same digits
 * (« 1 112 346 € ») is left alone.
 */
export function redactAmounts(text: string, amounts: readonly Cents[]): string {
  const written = [...new Set(amounts.map((cents) => formatEuros(cents)))].sort((a, b) => b.length - a.length);
  if (written.length === 0) return text;
  const pattern = new RegExp(`(?<![\\d-])(?<!\\d )(?:${written.map(escapeRegExp).join('|')})`, 'g');
  return text.replace(pattern, WITHHELD_AMOUNT_TEXT);
}

/**
 * The text with every euro amount written by `formatEuros` replaced by « montant non communiqué »,
 * except the public ones in `kept` (legal thresholds): for explanations whose amounts cannot all be
 * listed by the caller (a scenario quotes the amounts of the members who join or leave).
 */
export function redactAmountsExcept(text: string, kept: readonly Cents[]): string {
  const public_ = new Set(kept.map((cents) => formatEuros(cents)));
  return text.replace(/(?<![\d-])-?\d{1,3}(?: \d{3})* €/g, (written) => (public_.has(written) ? written : WITHHELD_AMOUNT_TEXT));
}
