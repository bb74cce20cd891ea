import { countFr } from '@mutualis/contract';

/** « 5 opportunités rarement mutualisées sont masquées » (the adverb stays invariable). */
export function rareHiddenText(count: number): string {
  const opportunities = countFr(count, 'opportunité rarement mutualisée', 'opportunités rarement mutualisées');
  return `${opportunities} ${count > 1 ? 'sont masquées' : 'est masquée'}`;
}
