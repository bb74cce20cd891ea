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
