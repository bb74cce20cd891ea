import type { OrganizationKind } from '../domain/types';
import { getCommune, getEpci } from '../geo/communes';
import sirenData from '../reference/commune-sirens.json' with { type: 'json' };

/** A legal unit the product knows without SIRENE: a commune or an EPCI à fiscalité propre of the Code officiel géographique. */
export interface ReferenceLegalUnit {
  siren: string;
  name: string;
  kind: OrganizationKind;
  /** The commune's INSEE code (its seat), null for an EPCI. */
  inseeCode: string | null;
  /** French, for explanations: « liste officielle des communes (COG) ». */
  source: string;
}

const RECORD = 14;

/** The commune or EPCI whose SIREN this is (« Commune de Tremblay-en-France », « CC Faucigny - Glières »), or null. */
export function findReferenceLegalUnit(siren: string): ReferenceLegalUnit | null {
  const code = communeCodeOfSiren(siren);
  const commune = code === null ? undefined : getCommune(code);
  if (commune)
    return {
      siren,
      name: communeLegalName(commune.name),
      kind: 'commune',
      inseeCode: commune.code,
      source: 'liste officielle des communes (COG)',
    };
  const epci = getEpci(siren);
  if (epci) return { siren, name: epci.name, kind: 'epci', inseeCode: null, source: 'liste officielle des EPCI à fiscalité propre' };
  return null;
}

/** Binary search in the sorted 14-character records (SIREN + INSEE code). */
function communeCodeOfSiren(siren: string): string | null {
  const records = sirenData.records;
  let low = 0;
  let high = records.length / RECORD - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = records.slice(middle * RECORD, middle * RECORD + 9);
    if (at === siren) return records.slice(middle * RECORD + 9, middle * RECORD + RECORD);
    if (at < siren) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/** « Commune de Tremblay-en-France », « Commune d’Orléans », « Commune du Havre », « Commune des Abymes ». */
export function communeLegalName(name: string): string {
  if (name.startsWith('Le ')) return `Commune du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `Commune des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎÔ]/u.test(name)) return `Commune d’${name}`;
  return `Commune de ${name}`;
}
