import { foldText, getCpv } from '../cpv/cpv-catalog';
import { type CpvLevel, cpvAtLevel, cpvSignificantDigits, isCpvUnder } from '../cpv/cpv-code';
import type { PurchaseFamily } from '../domain/types';

/** The family an opportunity groups: a user-defined family or a CPV code at the chosen level. */
export interface FamilyRef {
  /** `famille:<id>` for a user-defined family, `cpv:<level>:<code>` for a CPV level. */
  key: string;
  label: string;
  cpvCodes: string[];
  /** Id of the user-defined family, null for a CPV level. */
  familyId: string | null;
}

/** Assigns needs (and contracts) to families, memoised per CPV code and label for speed. */
export interface FamilyResolver {
  /** Families met so far; `resolve` returns an index into this array. */
  readonly families: FamilyRef[];
  resolve(cpvCode: string, label: string): number;
}

export interface CreateFamilyResolverOptions {
  families: readonly PurchaseFamily[];
  level: CpvLevel;
}

/**
 * User-defined families take precedence over the CPV level: first the most specific CPV code
 * covering the need, then a keyword of the folded label. Ties go to a family of the territory
 * before a shipped one (territoryId null) — a family the facilitator creates over a shipped one's
 * codes takes their needs — then to the smallest id.
 */
export function createFamilyResolver({ families, level }: CreateFamilyResolverOptions): FamilyResolver {
  const isShipped = (f: PurchaseFamily) => (f.territoryId === null ? 1 : 0);
  const userFamilies = [...families].sort((a, b) => isShipped(a) - isShipped(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const refs: FamilyRef[] = userFamilies.map((f) => ({ key: `famille:${f.id}`, label: f.name, cpvCodes: [...f.cpvCodes], familyId: f.id }));
  const keywordFamilies = userFamilies
    .map((f, index) => ({ index, keywords: f.keywords.map((k) => foldText(k)).filter((k) => k.length > 0) }))
    .filter((f) => f.keywords.length > 0);
  const levelIndex = new Map<string, number>();
  const byCpv = new Map<string, number>();
  const byLabel = new Map<string, number>();

  const userByCpv = (cpv: string): number => {
    let best = -1;
    let bestDigits = -1;
    userFamilies.forEach((f, index) => {
      for (const code of f.cpvCodes) {
        const digits = cpvSignificantDigits(code);
        if (digits > bestDigits && isCpvUnder(cpv, code)) {
          best = index;
          bestDigits = digits;
        }
      }
    });
    return best;
  };
  const atLevel = (cpv: string): number => {
    const code = cpvAtLevel(cpv, level);
    let index = levelIndex.get(code);
    if (index === undefined) {
      index = refs.length;
      refs.push({ key: `cpv:${level}:${code}`, label: getCpv(code)?.labelFr ?? `CPV ${code}`, cpvCodes: [code], familyId: null });
      levelIndex.set(code, index);
    }
    return index;
  };
  const byKeyword = (label: string): number => {
    let index = byLabel.get(label);
    if (index === undefined) {
      const folded = foldText(label);
      index = keywordFamilies.find((f) => f.keywords.some((k) => containsWholeWords(folded, k)))?.index ?? -1;
      byLabel.set(label, index);
    }
    return index;
  };
  return {
    families: refs,
    resolve(cpvCode: string, label: string): number {
      let cpvFamily = byCpv.get(cpvCode);
      if (cpvFamily === undefined) {
        const user = userByCpv(cpvCode);
        cpvFamily = user >= 0 ? user : -2 - atLevel(cpvCode);
        byCpv.set(cpvCode, cpvFamily);
      }
      if (cpvFamily >= 0) return cpvFamily;
      if (keywordFamilies.length > 0) {
        const keyword = byKeyword(label);
        if (keyword >= 0) return keyword;
      }
      return -2 - cpvFamily;
    },
  };
}

/**
 * Keywords match whole words of the folded label ("sel" matches "sel de déneigement" but not
 * "lave-vaisselle"; "epi" does not match "épicerie"); a multi-word keyword matches as a phrase,
 * and a French plural in -s or -x matches its singular ("carnets" matches "carnet").
 */
export function containsWholeWords(foldedLabel: string, foldedKeyword: string): boolean {
  const words = foldedLabel.split(/[^a-z0-9]+/).filter(Boolean);
  const phrase = foldedKeyword.split(/[^a-z0-9]+/).filter(Boolean);
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((w, j) => isSameWord(words[i + j], w))) return true;
  }
  return false;
}

function isSameWord(word: string | undefined, keyword: string): boolean {
  return word === keyword || word === `${keyword}s` || word === `${keyword}x`;
}
