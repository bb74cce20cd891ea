import type { Cents } from '../domain/types';

/** French display of a cents amount rounded to the euro: 1234567 → « 12 346 € » (plain spaces, no locale data needed). */
export function formatEuros(cents: Cents): string {
  const euros = Math.round(cents / 100);
  const sign = euros < 0 ? '-' : '';
  return `${sign}${String(Math.abs(euros)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
}
