import { foldText } from '../cpv/cpv-catalog';
import type { SourcingFirm, SourcingIndex } from './types';

/** CPV prefixes are indexed at every length from the division (2) to the full code (8). */
const PREFIX_LENGTHS = [2, 3, 4, 5, 6, 7, 8] as const;

/** Builds once the inverted index that lets `rankLocalSourcing` touch only the relevant firms. */
export function buildSourcingIndex(firms: readonly SourcingFirm[]): SourcingIndex {
  const byCpvPrefix = new Map<string, number[]>();
  const byCompetence = new Map<string, number[]>();
  const byLabelWord = new Map<string, number[]>();
  firms.forEach((firm, i) => {
    const prefixKeys = new Set<string>();
    const words = new Set<string>();
    for (const product of firm.profile.products) {
      for (const digits of PREFIX_LENGTHS) prefixKeys.add(cpvPrefixKey(product.cpvCode, digits));
      for (const word of labelWords(product.label)) words.add(word);
    }
    for (const key of prefixKeys) push(byCpvPrefix, key, i);
    for (const word of words) push(byLabelWord, word, i);
    for (const code of new Set(firm.profile.competences)) push(byCompetence, code, i);
  });
  return { firms, byCpvPrefix, byCompetence, byLabelWord };
}

/** Index key of the first `digits` digits of a CPV code. */
export function cpvPrefixKey(code: string, digits: number): string {
  return `${digits}:${code.slice(0, digits)}`;
}

/** Folded words of three letters or more: the vocabulary a material name is matched against. */
export function labelWords(label: string): string[] {
  return foldText(label)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
