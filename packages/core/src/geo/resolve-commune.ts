import { foldText } from '../cpv/cpv-catalog';
import geoData from '../reference/geo.json' with { type: 'json' };
import { type Commune, checkInseeCode, getCommune } from './communes';
import { searchCommunes } from './search-communes';

type CommuneRow = [string, string, string, string, string];

export interface ResolveCommuneOptions {
  /** Départements of the territory: a name shared by communes elsewhere resolves to the one here. */
  preferredDepartementCodes?: readonly string[];
}

export type CommuneResolution = { ok: true; commune: Commune } | { ok: false; reason: string };

/** Folded name with hyphens, apostrophes and « St »/« Ste » evened out: « St-Louis » and « saint louis » meet. */
function nameKey(name: string): string {
  return foldText(name)
    .replace(/[-'’`]/g, ' ')
    .replace(/\bste\b\.?/g, 'sainte')
    .replace(/\bst\b\.?/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

let byName: Map<string, string[]> | undefined;

function communeCodesNamed(name: string): string[] {
  if (!byName) {
    byName = new Map();
    for (const [code, communeName] of geoData.communes as CommuneRow[]) {
      const k = nameKey(communeName);
      byName.set(k, [...(byName.get(k) ?? []), code]);
    }
  }
  return byName.get(nameKey(name)) ?? [];
}

const describe = (c: Commune) => `${c.name} (${c.departementCode}, code ${c.code})`;

/** « Saint-Louis (68) », « Saint-Louis 68 »: a name with its département. */
const WITH_DEPARTEMENT = /^(.+?)\s*[(,–-]?\s*(\d{2}|2[ab]|97\d)\s*\)?$/i;

/**
 * A commune as a buyer types it: its INSEE code (« 67482 »), or its name (« Strasbourg »,
 * « st-louis », « Saint-Louis (68) »), resolved to the only commune of that name, else to the
 * only one in the territory's départements; otherwise the candidates are named. Never throws.
 */
export function resolveCommune(raw: string, options: ResolveCommuneOptions = {}): CommuneResolution {
  const text = raw.trim();
  if (/^(\d{5}|2[ab]\d{3})$/i.test(text)) {
    const check = checkInseeCode(text);
    if (check.ok) return check;
    return {
      ok: false,
      reason: `Aucune commune n’a le code INSEE ${text.toUpperCase()} (un code postal ? Indiquez le code INSEE ou le nom de la commune).`,
    };
  }
  const hinted = WITH_DEPARTEMENT.exec(text);
  const name = hinted?.[1] && communeCodesNamed(hinted[1]).length > 0 ? hinted[1] : text;
  const departement = name === text ? null : (hinted?.[2]?.toUpperCase() ?? null);
  const named = communeCodesNamed(name).flatMap((code) => getCommune(code) ?? []);
  const candidates = departement ? named.filter((c) => c.departementCode === departement) : named;
  if (candidates.length === 1 && candidates[0]) return { ok: true, commune: candidates[0] };
  const preferred = new Set(options.preferredDepartementCodes ?? []);
  const local = candidates.filter((c) => preferred.has(c.departementCode));
  if (local.length === 1 && local[0]) return { ok: true, commune: local[0] };
  if (candidates.length > 1) {
    const listed = (local.length > 1 ? local : candidates).slice(0, 6);
    const others = local.length > 1 ? 0 : candidates.length - listed.length;
    const more = others > 0 ? ` et ${others} autre${others > 1 ? 's' : ''}` : '';
    return {
      ok: false,
      reason: `« ${text} » désigne plusieurs communes : ${listed.map(describe).join(', ')}${more} ; indiquez le code INSEE, ou le département entre parenthèses, ex. « ${listed[0]?.name ?? name} (${listed[0]?.departementCode ?? '67'}) ».`,
    };
  }
  if (departement && named.length > 0) {
    return {
      ok: false,
      reason: `Aucune commune « ${name} » dans le département ${departement} ; il y en a ailleurs : ${named.slice(0, 6).map(describe).join(', ')}.`,
    };
  }
  const near = searchCommunes(name, 3);
  const suggestion =
    near.length > 0 ? ` ; vouliez-vous dire ${near.map((c) => `${c.name} (${c.departementCode}, code ${c.code})`).join(', ')} ?` : '';
  return { ok: false, reason: `Commune inconnue « ${text} »${suggestion}` };
}
