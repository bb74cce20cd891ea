import { foldText } from '../cpv/cpv-catalog';
import { getCommune } from './communes';
import geoData from '../reference/geo.json' with { type: 'json' };

type CommuneRow = [string, string, string, string, string];

export interface CommuneHit {
  code: string;
  name: string;
  departementCode: string;
}

let index: (CommuneHit & { folded: string })[] | undefined;

function communeIndex(): (CommuneHit & { folded: string })[] {
  index ??= (geoData.communes as CommuneRow[]).map(([code, name, departementCode]) => ({
    code,
    name,
    departementCode,
    folded: foldText(name),
  }));
  return index;
}

/** Communes whose INSEE code starts with `query`, or whose name contains every word of it (exact names first). */
export function searchCommunes(query: string, limit = 20): CommuneHit[] {
  const q = foldText(query.trim());
  if (q === '') return [];
  if (/^[0-9][0-9ab]/i.test(q)) {
    const exact = getCommune(q.toUpperCase());
    const hits = communeIndex().filter((c) => c.code.toLowerCase().startsWith(q));
    const ordered = exact ? [hits.find((h) => h.code === exact.code) ?? hits[0], ...hits.filter((h) => h.code !== exact.code)] : hits;
    return ordered
      .filter((h) => h !== undefined)
      .slice(0, limit)
      .map(({ code, name, departementCode }) => ({ code, name, departementCode }));
  }
  const words = q.split(/[\s-]+/).filter(Boolean);
  const matches = communeIndex().filter((c) => words.every((w) => c.folded.includes(w)));
  matches.sort((a, b) => Number(b.folded === q) - Number(a.folded === q) || a.name.length - b.name.length || a.code.localeCompare(b.code));
  return matches.slice(0, limit).map(({ code, name, departementCode }) => ({ code, name, departementCode }));
}
