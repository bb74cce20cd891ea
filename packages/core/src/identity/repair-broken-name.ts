import type { NameVocabulary } from './name-vocabulary';

const BROKEN = '\uFFFD';
const BROKEN_WORD = /[\p{L}\uFFFD]+/gu;
const LETTER = /\p{L}/u;
/** A candidate holds at least this share of the words matching a broken one. */
const DOMINANT_SHARE = 0.8;

/** One repair made to a published name. */
export interface NameRepair {
  broken: string;
  repaired: string;
  /** `variant`: another published name of the same SIRET; `vocabulary`: a correctly spelled word; `trailing`: illegible characters ending the name, dropped; `apostrophe`: an elision the publisher wrote as a space. */
  source: 'variant' | 'vocabulary' | 'trailing' | 'apostrophe';
}

export interface RepairedName {
  text: string;
  repairs: NameRepair[];
  /** Some U+FFFD could not be repaired. */
  isStillBroken: boolean;
}

export interface RepairBrokenNameOptions {
  /** Other names published for the same SIRET, best first: one that differs only where the name is broken repairs it whole. */
  variants?: readonly string[];
  vocabulary: NameVocabulary;
}

/**
 * Repairs a buyer name whose accents were lost at publication (U+FFFD, « D�partement de l Indre »):
 * first from another variant of the same SIRET that reads the same elsewhere, else word by word
 * from a vocabulary of correctly spelled words (only when one spelling clearly dominates), and
 * restores the elisions written as a space (« de l Indre » → « de l'Indre »). Never guesses: what
 * cannot be repaired stays as published and `isStillBroken` says so.
 */
export function repairBrokenName(name: string, options: RepairBrokenNameOptions): RepairedName {
  const repairs: NameRepair[] = [];
  let text = name.normalize('NFC');
  if (text.includes(BROKEN)) {
    const whole = repairFromVariants(text, options.variants ?? []);
    if (whole !== null) {
      repairs.push({ broken: text, repaired: whole, source: 'variant' });
      text = whole;
    } else text = repairWords(text, options.vocabulary, repairs);
  }
  const elided = restoreElisions(text);
  if (elided !== text) repairs.push({ broken: text, repaired: elided, source: 'apostrophe' });
  return { text: elided, repairs, isStillBroken: elided.includes(BROKEN) };
}

/** A variant that matches the broken name letter for letter (case aside), a non-ASCII letter at each U+FFFD. */
function repairFromVariants(text: string, variants: readonly string[]): string | null {
  for (const raw of variants) {
    const variant = raw.normalize('NFC');
    if (variant.length !== text.length || variant.includes(BROKEN)) continue;
    if (matchesBroken(text.toLowerCase(), variant.toLowerCase()))
      return [...text].map((ch, i) => (ch === BROKEN ? variant.charAt(i) : ch)).join('');
  }
  return null;
}

function matchesBroken(broken: string, candidate: string): boolean {
  for (let i = 0; i < broken.length; i += 1) {
    const b = broken.charAt(i);
    const c = candidate.charAt(i);
    if (b === BROKEN ? c.charCodeAt(0) < 0x80 || !LETTER.test(c) : b !== c) return false;
  }
  return true;
}

function repairWords(text: string, vocabulary: NameVocabulary, repairs: NameRepair[]): string {
  const isUpperName = text === text.toUpperCase();
  return text.replace(BROKEN_WORD, (word, offset: number) => {
    if (!word.includes(BROKEN)) return word;
    const spelled = spellFromVocabulary(word, vocabulary);
    if (spelled !== null) {
      const repaired = withCase(word, spelled, { isUpper: isUpperName || isUpperWord(word), isFirst: offset === 0 });
      repairs.push({ broken: word, repaired, source: 'vocabulary' });
      return repaired;
    }
    const trailing = /\uFFFD+$/.exec(word);
    const stem = trailing === null ? '' : word.slice(0, trailing.index);
    if (trailing !== null && stem !== '' && !stem.includes(BROKEN) && isUpperWord(stem) && offset + word.length === text.length) {
      repairs.push({ broken: word, repaired: stem, source: 'trailing' });
      return stem;
    }
    return word;
  });
}

/** The dominant vocabulary word matching `word` (U+FFFD = one non-ASCII letter), trying the singular of a plural too. */
function spellFromVocabulary(word: string, vocabulary: NameVocabulary): string | null {
  const lower = word.toLowerCase();
  const direct = dominantMatch(lower, vocabulary);
  if (direct !== null) return direct;
  const plural = /[sx]$/.exec(lower);
  if (plural === null) return null;
  const singular = dominantMatch(lower.slice(0, -1), vocabulary);
  return singular === null ? null : singular + plural[0];
}

function dominantMatch(lower: string, vocabulary: NameVocabulary): string | null {
  const words = vocabulary.byLength.get(lower.length);
  if (words === undefined) return null;
  let best: string | null = null;
  let bestCount = 0;
  let total = 0;
  for (const [candidate, count] of words) {
    if (!matchesBroken(lower, candidate)) continue;
    total += count;
    if (count > bestCount || (count === bestCount && best !== null && candidate < best)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best !== null && bestCount >= DOMINANT_SHARE * total ? best : null;
}

/** The broken word with each U+FFFD replaced by the vocabulary's letter, in the case the name uses there. */
function withCase(word: string, spelled: string, { isUpper, isFirst }: { isUpper: boolean; isFirst: boolean }): string {
  return [...word]
    .map((ch, i) => {
      if (ch !== BROKEN) return ch;
      const letter = spelled.charAt(i);
      return isUpper || (i === 0 && isFirst) ? letter.toUpperCase() : letter;
    })
    .join('');
}

function isUpperWord(word: string): boolean {
  const letters = word.replaceAll(BROKEN, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** « de l Indre », « D AIX », « d' Agglomération » → « de l'Indre », « D'AIX », « d'Agglomération ». */
function restoreElisions(text: string): string {
  return text.replace(/(^|[\s(])([dlDL])(?: |' )(?=[AEIOUYÉÈÊÂÎÔaeiouyéèêâîô])/gu, "$1$2'");
}
