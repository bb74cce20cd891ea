/**
 * Units of the census and how they convert. Quantities pool only within one dimension;
 * `box` and `pack` convert to `unit` when the need states how many units a pack holds.
 */
export const UNITS = {
  unit: { dimension: 'count', toBase: 1, labelFr: 'unité' },
  pair: { dimension: 'pair', toBase: 1, labelFr: 'paire' },
  box: { dimension: 'count', toBase: null, labelFr: 'boîte (de N unités)' },
  pack: { dimension: 'count', toBase: null, labelFr: 'lot (de N unités)' },
  g: { dimension: 'mass', toBase: 0.001, labelFr: 'gramme' },
  kg: { dimension: 'mass', toBase: 1, labelFr: 'kilogramme' },
  t: { dimension: 'mass', toBase: 1000, labelFr: 'tonne' },
  mL: { dimension: 'volume', toBase: 0.001, labelFr: 'millilitre' },
  L: { dimension: 'volume', toBase: 1, labelFr: 'litre' },
  m3: { dimension: 'volume', toBase: 1000, labelFr: 'mètre cube' },
  sheet: { dimension: 'sheet', toBase: 1, labelFr: 'feuille' },
  ream: { dimension: 'sheet', toBase: 500, labelFr: 'ramette (500 feuilles)' },
  m2: { dimension: 'area', toBase: 1, labelFr: 'mètre carré' },
  km: { dimension: 'length', toBase: 1, labelFr: 'kilomètre' },
  hour: { dimension: 'time', toBase: 1, labelFr: 'heure' },
  day: { dimension: 'time', toBase: 8, labelFr: 'jour (8 h)' },
  lump_sum: { dimension: 'lump_sum', toBase: null, labelFr: 'forfait' },
} as const satisfies Record<string, { dimension: string; toBase: number | null; labelFr: string }>;

export type UnitCode = keyof typeof UNITS;
export const UNIT_CODES = Object.keys(UNITS) as UnitCode[];
export type Dimension = (typeof UNITS)[UnitCode]['dimension'];

/** Base unit of each dimension, in which pooled quantities are expressed. */
export const BASE_UNIT: Record<Dimension, UnitCode> = {
  count: 'unit',
  pair: 'pair',
  mass: 'kg',
  volume: 'L',
  sheet: 'sheet',
  area: 'm2',
  length: 'km',
  time: 'hour',
  lump_sum: 'lump_sum',
};

export function isUnitCode(value: string): value is UnitCode {
  return Object.hasOwn(UNITS, value);
}

export type BaseQuantity = { ok: true; dimension: Dimension; unit: UnitCode; quantity: number } | { ok: false; reason: string };

/** Converts a quantity to its dimension's base unit (t → kg, ream → sheet, box of N → unit). */
export function toBaseQuantity(quantity: number, unit: UnitCode, unitsPerPack?: number | null): BaseQuantity {
  const def = UNITS[unit];
  if (def.dimension === 'lump_sum') return { ok: false, reason: 'un forfait n’a pas de quantité comparable' };
  if (def.toBase === null) {
    if (!unitsPerPack || unitsPerPack <= 0) return { ok: false, reason: `« ${def.labelFr} » sans nombre d’unités par conditionnement` };
    return { ok: true, dimension: def.dimension, unit: BASE_UNIT[def.dimension], quantity: quantity * unitsPerPack };
  }
  return { ok: true, dimension: def.dimension, unit: BASE_UNIT[def.dimension], quantity: quantity * def.toBase };
}
