import { formatNumberFr } from './format-number-fr';

/** French plural of one word: « contrat » → « contrats », « local » → « locaux », « bureau » → « bureaux »; s, x, z stay. */
function pluralWordFr(word: string): string {
  if (/[sxz]$/i.test(word)) return word;
  if (/(au|eu)$/i.test(word)) return `${word}x`;
  if (/al$/i.test(word)) return `${word.slice(0, -2)}aux`;
  return `${word}s`;
}

/**
 * French plural of a noun phrase whose words all agree (noun and adjectives): « entrée différée » →
 * « entrées différées ». A phrase with a complement (« date d’entrée ») is given in full to `countFr`.
 */
export function pluralFr(phrase: string): string {
  return phrase.replace(/[\p{L}]+/gu, pluralWordFr);
}

/**
 * A count and its noun in the right number: « 1 contrat », « 0 offre », « 3 contrats », « 1,5 jour ».
 * French keeps the singular below 2; `many` defaults to `pluralFr(one)`.
 */
export function countFr(count: number, one: string, many: string = pluralFr(one)): string {
  return `${formatNumberFr(count)} ${Math.abs(count) >= 2 ? many : one}`;
}
