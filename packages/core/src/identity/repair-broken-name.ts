import { brokenKey, type NameVocabulary } from './name-vocabulary';

const BROKEN = '\uFFFD';
const BROKEN_WORD = /[\p{L}\uFFFD]+/gu;
const LETTER = /\p{L}/u;
/** A candidate holds at least this share of the words matching a broken one. */
const DOMINANT_SHARE = 0.8;

/** One repair made to a published name. */
export interface NameRepair {
  broken: string;
  repaired: string;
  /**
   * `variant`: another published name of the same SIRET; `vocabulary`: a correctly spelled word;
   * `trailing`: illegible characters ending the name, dropped; `apostrophe`: an elision the
   * publisher wrote as a space; `numero`, `range`: a lone U+FFFD read from the numbers around it;
   * `preposition`: a lone U+FFFD read « à » from the word after it (`repairBrokenText`).
   */
  source: 'variant' | 'vocabulary' | 'trailing' | 'apostrophe' | 'numero' | 'range' | 'preposition';
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

/** « N� 4 », « n�18 »: the sign of « numéro » before a number. */
const NUMERO = /(?<![\p{L}\p{N}])([Nn])\uFFFD(?=(\s?\p{N}+))/gu;
/** « 2019 � 2022 », « lots 1 � 13 »: « à » between two numbers. */
const RANGE = /(?<=(\p{N}+\s?))\uFFFD(?=(\s?\p{N}+))/gu;
/** A lone U+FFFD, a space and the word after it (in the case the text writes it). */
const LONE_BEFORE_WORD = /(?<![\p{L}\p{N}\uFFFD])\uFFFD (\p{L}+)(?![\p{L}\uFFFD])/gu;

/**
 * Repairs a text published with its accents lost (U+FFFD) — a contract's objet, « R�habilitation
 * de l'�cole » — word by word from the vocabulary, as `repairBrokenName` does (a word only when
 * one spelling clearly dominates), and reads a lone U+FFFD only where its neighbours leave no
 * doubt: « N° » before a number, « à » between two numbers or before a word that follows « à » in
 * the vocabulary's texts. Elsewhere a lone U+FFFD may have been « à », « « », « » » or « – », and
 * stays as published, as does every word no vocabulary word spells.
 */
export function repairBrokenText(text: string, vocabulary: NameVocabulary): RepairedName {
  const repairs: NameRepair[] = [];
  const published = text.normalize('NFC');
  let repaired = published;
  // Each repair quotes the numbers around it: « N�4 » lu « N°4 », « 2019 � 2022 » lu « 2019 à 2022 ».
  repaired = repaired.replace(NUMERO, (_sign, letter: string, number: string) => {
    repairs.push({ broken: `${letter}${BROKEN}${number}`, repaired: `${letter}°${number}`, source: 'numero' });
    return `${letter}°`;
  });
  const a = repaired === repaired.toUpperCase() ? 'À' : 'à';
  repaired = repaired.replace(RANGE, (_sign, before: string, after: string) => {
    repairs.push({ broken: `${before}${BROKEN}${after}`, repaired: `${before}${a}${after}`, source: 'range' });
    return a;
  });
  // « mise � disposition », « � usage unique »: a word that follows « à » in the vocabulary's texts, in
  // lower case as written (a capital may open a place name after a dash, « – La Rochelle »; in texts in
  // capitals these words follow dashes too); how often each sign precedes them: docs/benchmarks.md.
  repaired = repaired.replace(LONE_BEFORE_WORD, (sign, word: string) => {
    if (!vocabulary.afterA.has(word)) return sign;
    repairs.push({ broken: `${BROKEN} ${word}`, repaired: `à ${word}`, source: 'preposition' });
    return `à ${word}`;
  });
  repaired = repairWords(repaired, vocabulary, repairs, { isText: true });
  // In the order of the text (each repair quotes a piece of it).
  repairs.sort((x, y) => published.indexOf(x.broken) - published.indexOf(y.broken));
  return { text: repaired, repairs, isStillBroken: repaired.includes(BROKEN) };
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

/** In a text (`isText`), a lone U+FFFD is no word to repair, and illegible characters ending it are kept. */
function repairWords(text: string, vocabulary: NameVocabulary, repairs: NameRepair[], { isText = false } = {}): string {
  const isUpperName = text === text.toUpperCase();
  return text.replace(BROKEN_WORD, (word, offset: number) => {
    if (!word.includes(BROKEN) || (isText && word === BROKEN)) return word;
    const spelled = spellFromVocabulary(word, vocabulary);
    if (spelled !== null) {
      const repaired = withCase(word, spelled, { isUpper: isUpperName || isUpperWord(word), isFirst: offset === 0 });
      repairs.push({ broken: word, repaired, source: 'vocabulary' });
      return repaired;
    }
    const trailing = /\uFFFD+$/.exec(word);
    const stem = trailing === null ? '' : word.slice(0, trailing.index);
    if (
      !isText &&
      trailing !== null &&
      stem !== '' &&
      !stem.includes(BROKEN) &&
      isUpperWord(stem) &&
      offset + word.length === text.length
    ) {
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
  // Every word that matches `lower` has its key (U+FFFD where either has a non-ASCII letter).
  const words = vocabulary.byKey.get(brokenKey(lower));
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
