// Mirror of the unit list of packages/core/src/units/units.ts (web must not import core).

export const UNIT_LABELS = {
  unit: { singular: 'unité', plural: 'unités', option: 'unité' },
  pair: { singular: 'paire', plural: 'paires', option: 'paire' },
  box: { singular: 'boîte', plural: 'boîtes', option: 'boîte (de N unités)' },
  pack: { singular: 'lot', plural: 'lots', option: 'lot (de N unités)' },
  g: { singular: 'g', plural: 'g', option: 'gramme (g)' },
  kg: { singular: 'kg', plural: 'kg', option: 'kilogramme (kg)' },
  t: { singular: 't', plural: 't', option: 'tonne (t)' },
  mL: { singular: 'mL', plural: 'mL', option: 'millilitre (mL)' },
  L: { singular: 'L', plural: 'L', option: 'litre (L)' },
  m3: { singular: 'm³', plural: 'm³', option: 'mètre cube (m³)' },
  sheet: { singular: 'feuille', plural: 'feuilles', option: 'feuille' },
  ream: { singular: 'ramette', plural: 'ramettes', option: 'ramette (500 feuilles)' },
  m2: { singular: 'm²', plural: 'm²', option: 'mètre carré (m²)' },
  km: { singular: 'km', plural: 'km', option: 'kilomètre (km)' },
  hour: { singular: 'heure', plural: 'heures', option: 'heure' },
  day: { singular: 'jour', plural: 'jours', option: 'jour (8 h)' },
  lump_sum: { singular: 'forfait', plural: 'forfaits', option: 'forfait' },
} as const satisfies Record<string, { singular: string; plural: string; option: string }>;

export type UnitCode = keyof typeof UNIT_LABELS;

export function isUnitCode(value: string): value is UnitCode {
  return Object.hasOwn(UNIT_LABELS, value);
}

/** Units sold by the container, for which the form asks how many units one holds. */
export function isPackUnit(unit: string | null): boolean {
  return unit === 'box' || unit === 'pack';
}

export const UNIT_OPTIONS = Object.entries(UNIT_LABELS).map(([value, labels]) => ({ value, label: labels.option }));

/** "ramette" / "ramettes" for a count; the raw code for an unknown unit. */
export function unitName(unit: string | null, quantity: number | null = 1): string {
  if (unit === null) return '';
  if (!isUnitCode(unit)) return unit;
  const labels = UNIT_LABELS[unit];
  return quantity !== null && Math.abs(quantity) >= 2 ? labels.plural : labels.singular;
}
