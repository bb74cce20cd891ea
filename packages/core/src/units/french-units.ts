import { foldText } from '../cpv/cpv-catalog';
import { UNIT_CODES, UNITS, type UnitCode } from './units';

interface FrenchUnit {
  singular: string;
  plural: string;
  /** Written after a number in sentences and exports (« 120 t »); the name otherwise. */
  symbol?: string;
  /** Other spellings buyers type: abbreviations and synonyms, singular and plural (compared folded). */
  aliases: readonly string[];
}

/** The French names of the units, as buyers write them in a census. */
export const FRENCH_UNITS: Readonly<Record<UnitCode, FrenchUnit>> = {
  unit: {
    singular: 'unité',
    plural: 'unités',
    aliases: ['u', 'un', 'pièce', 'pièces', 'pce', 'pces', 'pc', 'pcs', 'exemplaire', 'exemplaires', 'ex', 'article', 'articles'],
  },
  pair: { singular: 'paire', plural: 'paires', aliases: ['pr', 'prs'] },
  box: { singular: 'boîte', plural: 'boîtes', aliases: ['bte', 'btes', 'bt', 'boîte de n unités'] },
  pack: {
    singular: 'lot',
    plural: 'lots',
    aliases: ['paquet', 'paquets', 'pqt', 'pqts', 'carton', 'cartons', 'colis', 'sachet', 'sachets', 'lot de n unités'],
  },
  g: { singular: 'gramme', plural: 'grammes', symbol: 'g', aliases: ['g', 'gr', 'grs'] },
  kg: { singular: 'kilogramme', plural: 'kilogrammes', symbol: 'kg', aliases: ['kg', 'kgs', 'kilo', 'kilos'] },
  t: { singular: 'tonne', plural: 'tonnes', symbol: 't', aliases: ['t', 'tn', 'to', 'tonne métrique', 'tonnes métriques'] },
  mL: { singular: 'millilitre', plural: 'millilitres', symbol: 'mL', aliases: ['ml'] },
  L: { singular: 'litre', plural: 'litres', symbol: 'L', aliases: ['l', 'lt', 'lts', 'ltr', 'ltrs'] },
  m3: { singular: 'mètre cube', plural: 'mètres cubes', symbol: 'm³', aliases: ['m3', 'm³', 'mètre cube', 'mètres cube'] },
  sheet: { singular: 'feuille', plural: 'feuilles', aliases: ['f', 'fe', 'feuillet', 'feuillets'] },
  ream: { singular: 'ramette', plural: 'ramettes', aliases: ['rame', 'rames', 'ramette de 500 feuilles', 'rmt'] },
  m2: { singular: 'mètre carré', plural: 'mètres carrés', symbol: 'm²', aliases: ['m2', 'm²', 'mètre carre', 'metres carre'] },
  km: { singular: 'kilomètre', plural: 'kilomètres', symbol: 'km', aliases: ['km', 'kms'] },
  hour: { singular: 'heure', plural: 'heures', symbol: 'h', aliases: ['h', 'hr', 'hrs'] },
  day: { singular: 'jour', plural: 'jours', aliases: ['j', 'jr', 'jrs', 'journée', 'journées', 'jour de 8 h', 'jour 8 h'] },
  lump_sum: { singular: 'forfait', plural: 'forfaits', aliases: ['forfaitaire', 'ff', 'fft', 'prix forfaitaire'] },
};

/** « tonne » for 1 (and below 2, as French counts), « tonnes » from 2 on. */
export function unitNameFr(unit: UnitCode, quantity: number | null = 1): string {
  const names = FRENCH_UNITS[unit];
  return quantity !== null && Math.abs(quantity) >= 2 ? names.plural : names.singular;
}

/** What follows a number in a sentence or an export: the symbol when there is one (« 120 t »), the name otherwise (« 300 boîtes »). */
export function unitSymbolFr(unit: UnitCode, quantity: number | null = 1): string {
  return FRENCH_UNITS[unit].symbol ?? unitNameFr(unit, quantity);
}

/** Every unit named as the census template lists them (« tonne », « ramette (500 feuilles) »). */
export function listUnitLabelsFr(): string {
  return UNIT_CODES.map((code) => UNITS[code].labelFr).join(', ');
}

export type UnitReading = { ok: true; unit: UnitCode; unitsPerPack: number | null } | { ok: false; reason: string };

const key = (text: string) => foldText(text).replace(/[.()]/g, ' ').replace(/['’]/g, ' ').replace(/\s+/g, ' ').trim();

/** Every accepted spelling, folded: the code, the template's label, the French names and aliases. */
const BY_SPELLING: ReadonlyMap<string, UnitCode> = new Map(
  UNIT_CODES.flatMap((code) => {
    const names = FRENCH_UNITS[code];
    return [code, UNITS[code].labelFr, names.singular, names.plural, ...names.aliases].map((spelling) => [key(spelling), code] as const);
  }),
);

/** « boîtes de 100 », « lot de 12 unités », « ramette (500 feuilles) »: a container and how many it holds. */
const WITH_COUNT = /^(.+?) de (\d[\d ]*) ?(unites?|u|pieces?|feuilles?|paires?|exemplaires?|ex)?$/;

/**
 * Reads a unit as a buyer types it: the code (« t »), the template's « code – label », a French
 * name, plural or usual abbreviation (« tonnes », « litres », « paires », « forfait », « kg »), or a
 * container with its count (« boîtes de 100 », which gives the units per pack). Never throws.
 */
export function readUnitFr(raw: string): UnitReading {
  const typed = key(raw);
  if (typed === '') return { ok: false, reason: 'Unité vide.' };
  const direct = BY_SPELLING.get(typed);
  if (direct) return { ok: true, unit: direct, unitsPerPack: null };
  const counted = WITH_COUNT.exec(typed);
  const container = counted?.[1] ? BY_SPELLING.get(counted[1]) : undefined;
  if (counted && container) {
    const count = Number((counted[2] ?? '').replace(/ /g, ''));
    if (container === 'ream') {
      return count === 500
        ? { ok: true, unit: 'ream', unitsPerPack: null }
        : { ok: false, reason: `Une ramette compte 500 feuilles : pour « ${raw.trim()} », indiquez la quantité en feuilles.` };
    }
    if (UNITS[container].toBase !== null || container === 'lump_sum') {
      return { ok: false, reason: `« ${raw.trim()} » : seuls une boîte ou un lot se comptent « de N unités ».` };
    }
    if (!Number.isSafeInteger(count) || count <= 0)
      return { ok: false, reason: `« ${raw.trim()} » : le nombre d’unités est un entier positif.` };
    return { ok: true, unit: container, unitsPerPack: count };
  }
  return { ok: false, reason: `Unité inconnue « ${raw.trim()} » ; unités reconnues : ${listUnitLabelsFr()}.` };
}
