import type { DecpAward } from './decp-award';

/**
 * Some buyers publish several contracts under one identifier (a placeholder such as « 000000000000 »,
 * or one id for the 17 lots of a works operation): a record whose key was met before is then another
 * contract, not a republication of the first, when their lot numbers differ, or when both their
 * objets (their consonants and digits, so that lost accents and punctuation do not count) and their
 * current amounts differ. A republication keeps its objet or its amount; lots of one operation keep
 * neither, or say their number. The same rule holds between a record and the contract stored under
 * its key by an earlier import (the objet is the stored label, the amount the stored amount).
 *
 * The signature that decides it fits in 32 bits (a national import keeps one per key): the lot
 * number (8 bits, 0 for none), the amount modulo 4,093 (12 bits) and a 12-bit hash of the objet.
 * Two different amounts or objets may share their 12 bits (about 1 in 4,096): the contract is then
 * taken for a republication.
 */
export function decpContentSignature(award: Pick<DecpAward, 'objet' | 'amountCents'>): number {
  const lot = lotNumber(award.objet);
  const cents = award.amountCents;
  const amount = cents === null ? 0 : 1 + (cents % 4093);
  const objet = skeletonHash(award.objet) & 0xfff;
  return ((lot << 24) | (amount << 12) | objet) >>> 0;
}

/** Whether two records of one key, by their signatures, are two contracts (see `decpContentSignature`). */
export function isOtherDecpContract(first: number, next: number): boolean {
  const lotA = first >>> 24;
  const lotB = next >>> 24;
  if (lotA !== 0 && lotB !== 0 && lotA !== lotB) return true;
  return ((first >>> 12) & 0xfff) !== ((next >>> 12) & 0xfff) && (first & 0xfff) !== (next & 0xfff);
}

/**
 * The award under an identifier of its own: the published one followed by « ~ » and 8 hexadecimal
 * digits of its objet's skeleton (stable when the same file is imported again), flagged `id_shared`.
 */
export function withSharedDecpId(award: DecpAward): DecpAward {
  const id = `${award.id}~${skeletonHash(award.objet).toString(16).padStart(8, '0')}`;
  return {
    ...award,
    id,
    key: `${award.buyer.siret}|${id}`,
    flags: [...award.flags, { code: 'id_shared', value: null, published: award.id }],
  };
}

/** The award under the identifier it was published with (`withSharedDecpId` undone). */
export function withPublishedDecpId(award: DecpAward): DecpAward {
  const shared = award.flags.find((flag) => flag.code === 'id_shared');
  if (shared === undefined) return award;
  return {
    ...award,
    id: shared.published,
    key: `${award.buyer.siret}|${shared.published}`,
    flags: award.flags.filter((flag) => flag !== shared),
  };
}

/** « Lot 3 », « LOT3 », « lot n°12 », « Lot 01 » → its number (1 to 255), else 0. */
function lotNumber(objet: string): number {
  if (!/lot/i.test(objet)) return 0;
  const match = /\blot\s*(?:n\s*[°o]?\s*)?0*(\d{1,3})\b/i.exec(objet);
  if (match === null) return 0;
  return (Number(match[1]) % 255) + 1;
}

/**
 * FNV-1a hash of the objet's lowercase consonants and digits after canonical decomposition (« é » is
 * « e » and an accent, « ç » a « c »): « Réhabilitation de l'école » and « R�habilitation de l ecole »
 * agree. One pass over the text, without building it: every record of an import goes through it.
 */
function skeletonHash(objet: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < objet.length; i += 1) {
    let code = objet.charCodeAt(i);
    if (code >= 0x80)
      code = code < LATIN_BASES.length ? (LATIN_BASES[code] as number) : (objet[i] as string).normalize('NFD').charCodeAt(0);
    if (code >= 65 && code <= 90) code += 32;
    if (code >= 97 && code <= 122 ? (VOWELS >>> (code - 97)) & 1 : code < 48 || code > 57) continue;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash >>> 0;
}

/** The first code unit of each Latin-1 and Latin Extended-A letter's canonical decomposition (« é » → « e »). */
const LATIN_BASES = Uint16Array.from({ length: 0x180 }, (_, code) => String.fromCharCode(code).normalize('NFD').charCodeAt(0));

/** Bit n set for the vowel 97 + n (a, e, i, o, u, y). */
const VOWELS = [...'aeiouy'].reduce((mask, c) => mask | (1 << (c.charCodeAt(0) - 97)), 0);
