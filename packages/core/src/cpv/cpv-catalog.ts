import cpvData from '../reference/cpv-2008.json' with { type: 'json' };

/** One CPV 2008 code of the main vocabulary. */
export interface CpvEntry {
  /** 8 digits, without check digit. */
  code: string;
  checkDigit: string;
  labelFr: string;
  labelEn: string;
  /** Parent code (8 digits) or null for the 45 divisions. */
  parent: string | null;
}

type CpvRow = [string, string, string, string, string];

let catalog: Map<string, CpvEntry> | undefined;

/** All 9,454 CPV 2008 codes, indexed by 8-digit code (built once on first use). */
export function cpvCatalog(): ReadonlyMap<string, CpvEntry> {
  if (catalog) return catalog;
  catalog = new Map();
  for (const [code, checkDigit, labelFr, labelEn, parent] of cpvData.codes as CpvRow[]) {
    catalog.set(code, { code, checkDigit, labelFr, labelEn, parent: parent === '' ? null : parent });
  }
  return catalog;
}

export function getCpv(code: string): CpvEntry | undefined {
  return cpvCatalog().get(code);
}

/** Case- and accent-insensitive search by code prefix or words of the French/English label. */
export function searchCpv(query: string, limit = 20): CpvEntry[] {
  const q = foldText(query.trim());
  if (q === '') return [];
  const digits = q.replace(/[^0-9]/g, '');
  const results: CpvEntry[] = [];
  if (/^[0-9\s-]+$/.test(q)) {
    for (const entry of cpvCatalog().values()) {
      if (entry.code.startsWith(digits.slice(0, 8))) results.push(entry);
      if (results.length >= limit) break;
    }
    return results;
  }
  const words = q.split(/\s+/).filter(Boolean);
  for (const entry of cpvCatalog().values()) {
    const hay = foldedLabel(entry);
    if (words.every((w) => hay.includes(w))) results.push(entry);
    if (results.length >= limit) break;
  }
  return results;
}

const foldedCache = new Map<string, string>();
function foldedLabel(entry: CpvEntry): string {
  let folded = foldedCache.get(entry.code);
  if (folded === undefined) {
    folded = foldText(`${entry.labelFr} ${entry.labelEn}`);
    foldedCache.set(entry.code, folded);
  }
  return folded;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case, strips accents: "Équipements" → "equipements". */
export function foldText(text: string): string {
  // ASCII has nothing to decompose: skip the (costly) normalisation, same result.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
