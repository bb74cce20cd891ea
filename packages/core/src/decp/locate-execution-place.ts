import geoData from '../reference/geo.json' with { type: 'json' };
import { foldText } from '../cpv/cpv-catalog';
import { checkInseeCode, getDepartement } from '../geo/communes';

/** Where an award's `lieuExecution` points to, as far as the code lets us tell. */
export interface ExecutionPlace {
  /** INSEE code of the commune, when the code (or a postal code plus the place name) identifies one. */
  inseeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
}

const NOWHERE: ExecutionPlace = { inseeCode: null, departementCode: null, regionCode: null };

/**
 * Resolves a `lieuExecution` {code, typeCode, nom}: a Code commune gives the commune; a Code postal
 * gives the département (first digits) and the commune when the name matches exactly one commune
 * of that département; a Code département gives the département. Region, country, canton and
 * arrondissement codes give nothing: we do not guess a département from them.
 */
export function locateExecutionPlace(code: string, typeCode: string, name: string | null): ExecutionPlace {
  const kind = foldText(typeCode);
  const value = code.trim().toUpperCase();
  if (kind === 'code commune') {
    const check = checkInseeCode(value);
    if (check.ok) return fromCommune(check.commune.code, check.commune.departementCode, check.commune.regionCode);
    return /^\d{5}$/.test(value) ? fromPostalCode(value, name) : NOWHERE;
  }
  if (kind === 'code postal') return /^\d{5}$/.test(value) ? fromPostalCode(value, name) : NOWHERE;
  if (kind === 'code departement') return fromDepartement(value.length === 1 ? `0${value}` : value, null);
  return NOWHERE;
}

/** Département of a French postal code: 97x/98x overseas, 200–201 Corse-du-Sud, 202–206 Haute-Corse. */
export function departementOfPostalCode(postalCode: string): string {
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return postalCode < '20200' ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

function fromPostalCode(postalCode: string, name: string | null): ExecutionPlace {
  const departementCode = departementOfPostalCode(postalCode);
  return fromDepartement(departementCode, name === null ? null : communeByName(departementCode, name));
}

function fromDepartement(departementCode: string, inseeCode: string | null): ExecutionPlace {
  const departement = getDepartement(departementCode);
  return departement ? { inseeCode, departementCode, regionCode: departement.regionCode } : NOWHERE;
}

function fromCommune(inseeCode: string, departementCode: string, regionCode: string): ExecutionPlace {
  return { inseeCode, departementCode, regionCode };
}

const NAME_PREFIXES = /^(ville|commune|mairie) (de|d|du|des) /;
let communesByName: Map<string, string[]> | undefined;

/** INSEE code of the only commune of the département with that (folded) name, else null. */
function communeByName(departementCode: string, name: string): string | null {
  const index = nameIndex();
  const folded = foldName(name);
  const codes = index.get(`${departementCode}|${folded}`) ?? index.get(`${departementCode}|${folded.replace(NAME_PREFIXES, '')}`);
  return codes?.length === 1 ? (codes[0] as string) : null;
}

function nameIndex(): Map<string, string[]> {
  if (communesByName) return communesByName;
  communesByName = new Map();
  for (const [code, communeName, departementCode] of geoData.communes as [string, string, string][]) {
    const key = `${departementCode}|${foldName(communeName)}`;
    communesByName.set(key, [...(communesByName.get(key) ?? []), code]);
  }
  return communesByName;
}

/** "Saint-Étienne" and "ST ETIENNE " both fold to "saint etienne". */
function foldName(name: string): string {
  return foldText(name)
    .replace(/[-_'’\s]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .trim();
}
