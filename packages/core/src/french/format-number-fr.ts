/** Narrow no-break space: the French thousands separator (« 12 500 »). */
export const THOUSANDS_SEPARATOR_FR = '\u202f';

/**
 * A number as French readers write it: thousands grouped by narrow no-break spaces, a decimal comma,
 * at most `maxDecimals` decimals without trailing zeros: 12500 → « 12 500 », 3.2249 → « 3,22 »,
 * -0.5 → « −0,5 ».
 */
export function formatNumberFr(value: number, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [intPart = '0', decPart] = rounded
    .toFixed(maxDecimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '')
    .split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR_FR);
  const sign = value < 0 && rounded !== 0 ? '−' : '';
  return `${sign}${grouped}${decPart ? `,${decPart}` : ''}`;
}
