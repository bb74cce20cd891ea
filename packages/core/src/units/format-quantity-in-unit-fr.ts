import { formatNumberFr } from '../french/format-number-fr';
import { unitSymbolFr } from './french-units';
import { isUnitCode } from './units';

/** The unit in which a buyer counts a pooled base quantity: tonnes of salt, ramettes of paper, litres above 1 000 mL. */
export function toDisplayQuantity(value: number, unit: string): { value: number; unit: string } {
  if (unit === 'kg' && Math.abs(value) >= 1000) return { value: value / 1000, unit: 't' };
  if (unit === 'g' && Math.abs(value) >= 1000) return { value: value / 1000, unit: 'kg' };
  if (unit === 'mL' && Math.abs(value) >= 1000) return { value: value / 1000, unit: 'L' };
  if (unit === 'sheet' && Math.abs(value) >= 500) return { value: value / 500, unit: 'ream' };
  return { value, unit };
}

/**
 * A pooled quantity in the buyer's unit, with its French symbol or name: (1 250 000, 'kg') → « 1 250 t »,
 * (2 500, 'sheet') → « 5 ramettes »; an unknown unit code is shown as given.
 */
export function formatQuantityInUnitFr(value: number, unit: string): string {
  const shown = toDisplayQuantity(value, unit);
  // Precision a buyer reads: « 1 235 t », « 12,5 t », « 1,25 t ».
  const decimals = Math.abs(shown.value) >= 100 ? 0 : Math.abs(shown.value) >= 10 ? 1 : 2;
  const text = formatNumberFr(shown.value, decimals);
  if (!isUnitCode(shown.unit)) return `${text} ${shown.unit}`;
  // The noun agrees with the number as shown: 1 999,99 kg reads « 2 t », 750 sheets « 1,5 ramette ».
  const shownValue = Number(
    text
      .replace(/\u202f/g, '')
      .replace('−', '-')
      .replace(',', '.'),
  );
  return `${text} ${unitSymbolFr(shown.unit, shownValue)}`;
}
