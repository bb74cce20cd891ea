const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const compactEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });

/** "1 234,56 €" from integer cents; an em dash when the amount is unknown or hidden. */
export function formatEuros(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return euros.format(cents / 100);
}

/** "1 235 €": for totals where cents are noise. */
export function formatWholeEuros(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return wholeEuros.format(Math.round(cents / 100));
}

/** "1,2 M €": for chart axes. */
export function formatCompactEuros(cents: number): string {
  return compactEuros.format(cents / 100);
}

/** Euros typed in a form (number) → integer cents; null stays null. */
export function eurosToCents(value: number | null): number | null {
  if (value === null || Number.isNaN(value)) return null;
  return Math.round(value * 100);
}

export function centsToEuros(cents: number | null): number | null {
  return cents === null ? null : cents / 100;
}
