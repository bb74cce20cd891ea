import centroidData from '../reference/departement-centroids.json' with { type: 'json' };
import geoData from '../reference/geo.json' with { type: 'json' };

/** A current commune (or arrondissement municipal) of the Code officiel géographique. */
export interface Commune {
  code: string;
  name: string;
  departementCode: string;
  regionCode: string;
  /** SIREN of its EPCI à fiscalité propre, or null (Paris, islands without EPCI). */
  epciSiren: string | null;
}

type CommuneRow = [string, string, string, string, string];

let communes: Map<string, Commune> | undefined;
/** A département with its name as French writes it after « de » (« du Bas-Rhin », « de la Charente », « de l’Ain »). */
export interface Departement {
  code: string;
  name: string;
  regionCode: string;
  ofName: string;
}

let departements: Map<string, Departement> | undefined;
let epcis: Map<string, { siren: string; name: string; type: string }> | undefined;

function load(): void {
  if (communes) return;
  communes = new Map();
  for (const [code, name, departementCode, regionCode, epci] of geoData.communes as CommuneRow[]) {
    communes.set(code, { code, name, departementCode, regionCode, epciSiren: epci === '' ? null : epci });
  }
  departements = new Map(
    (geoData.departements as [string, string, string, number][]).map(([code, name, regionCode, tncc]) => [
      code,
      { code, name, regionCode, ofName: departementOfName(name, tncc) },
    ]),
  );
  epcis = new Map((geoData.epci as [string, string, string][]).map(([siren, name, type]) => [siren, { siren, name, type }]));
}

export function getCommune(inseeCode: string): Commune | undefined {
  load();
  return communes?.get(inseeCode);
}

export type InseeCheck = { ok: true; commune: Commune } | { ok: false; reason: string };

/** Validates an INSEE commune code (5 characters, 2A/2B for Corsica) against the official list. */
export function checkInseeCode(raw: string): InseeCheck {
  const code = raw.trim().toUpperCase();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code))
    return { ok: false, reason: 'Le code INSEE d’une commune comporte 5 caractères (ex. 67482, 2A004).' };
  const commune = getCommune(code);
  if (!commune) return { ok: false, reason: `Aucune commune actuelle n’a le code INSEE ${code}.` };
  return { ok: true, commune };
}

/**
 * « de » and the article of a département's name, from INSEE's TNCC (the COG's « type de nom en clair »):
 * 0 « de Paris », 1 « d’Eure-et-Loir », 2 « du Bas-Rhin », 3 « de la Charente », 4 « des Landes », 5 « de l’Ain ».
 */
export function departementOfName(name: string, tncc: number): string {
  switch (tncc) {
    case 1:
      return `d’${name}`;
    case 2:
      return `du ${name}`;
    case 3:
      return `de la ${name}`;
    case 4:
      return `des ${name}`;
    case 5:
      return `de l’${name}`;
    default:
      return `de ${name}`;
  }
}

export function getDepartement(code: string): Departement | undefined {
  load();
  return departements?.get(code);
}

export function listDepartements(): Departement[] {
  load();
  return [...(departements?.values() ?? [])];
}

export function getEpci(siren: string): { siren: string; name: string; type: string } | undefined {
  load();
  return epcis?.get(siren);
}

/** Approximate position [lon, lat] of a département (centroid of its contour). */
export function departementCentroid(code: string): [number, number] | undefined {
  const c = (centroidData.centroids as Record<string, number[]>)[code];
  return c && c.length === 2 ? [c[0] as number, c[1] as number] : undefined;
}

/** Great-circle distance in km between two [lon, lat] points. */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
