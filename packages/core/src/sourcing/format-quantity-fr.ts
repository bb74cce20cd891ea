import type { UnitCode } from '../units/units';

/** Short French symbols for units in sentences ("6 000 L", "2 000 unités"). */
const UNIT_SYMBOLS: Partial<Record<UnitCode, string>> = {
  unit: 'unités',
  pair: 'paires',
  sheet: 'feuilles',
  ream: 'ramettes',
  hour: 'h',
  day: 'jours',
  box: 'boîtes',
  pack: 'lots',
  lump_sum: 'forfaits',
};

/** Formats a number the French way: space-grouped thousands, decimal comma, at most one decimal below 100. */
export function formatNumberFr(value: number): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  const [intPart = '0', decPart] = Math.abs(rounded).toString().split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${rounded < 0 ? '−' : ''}${grouped}${decPart ? `,${decPart}` : ''}`;
}

/** A quantity with its unit symbol: formatQuantityFr(6000, 'L') → "6 000 L". */
export function formatQuantityFr(value: number, unit: UnitCode): string {
  return `${formatNumberFr(value)}\u00a0${UNIT_SYMBOLS[unit] ?? unit}`;
}

/** A share in [0, 1] as a French percentage: 0.6 → "60 %". */
export function formatShareFr(share: number): string {
  return `${formatNumberFr(Math.round(share * 100))}\u00a0%`;
}
