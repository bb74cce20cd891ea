const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

/** "12 500" or "2,5". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return decimal.format(value);
}

/** "1 contrat signalé", "0 contrat signalé", "2 contrats signalés": in French the singular goes up to 1. */
export function formatCount(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)} ${Math.abs(value) < 2 ? singular : plural}`;
}
