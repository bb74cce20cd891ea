import { formatNumberFr } from '../french/format-number-fr';
import { isUnitCode, type UnitCode } from './units';

/** The name a buyer writes after a quantity: a French word agreed in number, or the usual symbol. */
const UNIT_NAMES_FR: Record<UnitCode, { one: string; many: string }> = {
  unit: { one: 'unité', many: 'unités' },
  pair: { one: 'paire', many: 'paires' },
  box: { one: 'boîte', many: 'boîtes' },
  pack: { one: 'lot', many: 'lots' },
  g: { one: 'g', many: 'g' },
  kg: { one: 'kg', many: 'kg' },
  t: { one: 'tonne', many: 'tonnes' },
  mL: { one: 'mL', many: 'mL' },
  L: { one: 'litre', many: 'litres' },
  m3: { one: 'm³', many: 'm³' },
  sheet: { one: 'feuille', many: 'feuilles' },
  ream: { one: 'ramette', many: 'ramettes' },
  m2: { one: 'm²', many: 'm²' },
  km: { one: 'km', many: 'km' },
  hour: { one: 'heure', many: 'heures' },
  day: { one: 'jour', many: 'jours' },
  lump_sum: { one: 'forfait', many: 'forfaits' },
};

/** « ramette » for one, « ramettes » for several (quantity ≥ 2); an unknown code is returned as given. */
export function unitNameFr(unit: string, quantity = 1): string {
  if (!isUnitCode(unit)) return unit;
  const name = UNIT_NAMES_FR[unit];
  return Math.abs(quantity) >= 2 ? name.many : name.one;
}

/** The unit in which a buyer counts a pooled base quantity: tonnes of salt, ramettes of paper, litres above 1 000 mL. */
export function toDisplayQuantity(value: number, unit: string): { value: number; unit: string } {
  if (unit === 'kg' && Math.abs(value) >= 1000) return { value: value / 1000, unit: 't' };
  if (unit === 'g' && Math.abs(value) >= 1000) return { value: value / 1000, unit: 'kg' };
  if (unit === 'mL' && Math.abs(value) >= 1000) return { value: value / 1000, unit: 'L' };
  if (unit === 'sheet' && Math.abs(value) >= 500) return { value: value / 500, unit: 'ream' };
  return { value, unit };
}

/** A quantity in the buyer's unit, in words: (120000, 'kg') → « 120 tonnes », (2500, 'sheet') → « 5 ramettes »; an unknown unit code is shown as given. */
export function formatQuantityInUnitFr(value: number, unit: string): string {
  const shown = toDisplayQuantity(value, unit);
  // Precision a buyer reads: « 1 235 tonnes », « 12,5 tonnes », « 1,25 tonne ».
  const decimals = Math.abs(shown.value) >= 100 ? 0 : Math.abs(shown.value) >= 10 ? 1 : 2;
  const text = formatNumberFr(shown.value, decimals);
  // The noun agrees with the number as shown: 1 999,99 kg reads « 2 tonnes ».
  return `${text} ${unitNameFr(
    shown.unit,
    Number(
      text
        .replace(/\u202f/g, '')
        .replace('−', '-')
        .replace(',', '.'),
    ),
  )}`;
}
