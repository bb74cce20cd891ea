const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

/** "12 500" or "2,5". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return decimal.format(value);
}
