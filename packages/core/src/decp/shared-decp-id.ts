import type { DecpAward } from './decp-award';

/**
 * Some buyers publish several contracts under one identifier (a placeholder such as « 000000000000 »,
 * or one id for the 17 lots of a works operation): a record whose key was met before is then another
 * contract, not a republication of the first, when their lot numbers differ, or when their objets
 * (their consonants and digits, so that lost accents and punctuation do not count) differ and so
 * does their current amount or their notification date. A republication keeps its objet, or its
 * amount and notification date; lots of one operation keep neither, or say their number; two
 * accords-cadres of one consultation may share an amount but not their objet and notification date.
 * The same rule holds between a record and the contract stored under its key by an earlier import
 * (the objet is the stored label, the amount and notification date the stored ones).
 *
 * The signature that decides it fits in 32 bits (a national import keeps one per key): the lot
 * number (8 bits, 0 for none), 12 bits of the amount and notification date, and a 12-bit hash of the
 * objet. Two different objets, or two amounts of one date, may share their 12 bits (about 1 in
 * 4,096): the contract is then taken for a republication.
 */
export function decpContentSignature(award: Pick<DecpAward, 'objet' | 'amountCents' | 'notificationDate'>): number {
  const lot = lotNumber(award.objet);
  const objet = skeletonHash(award.objet) & 0xfff;
  return ((lot << 24) | (amountAndDate(award.amountCents, award.notificationDate) << 12) | objet) >>> 0;
}

/**
 * The amount (1 + cents modulo 4,092, 0 when absent) plus 1,021 times the notification day (1 + its
 * number modulo 4,092, 0 when absent), modulo the prime 4,093: two signatures of one date differ
 * whenever their amounts differ modulo 4,092, two of one amount whenever their days do (days counted
 * 31 to a month and 372 to a year, distinct and in order without building a date: about 11 years).
 */
function amountAndDate(cents: number | null, date: string | null): number {
  const amount = cents === null ? 0 : 1 + (cents % 4092);
  const day = date === null ? 0 : 1 + ((Number(date.slice(0, 4)) * 372 + Number(date.slice(5, 7)) * 31 + Number(date.slice(8, 10))) % 4092);
  return (amount + 1021 * day) % 4093;
}

/** Whether two records of one key, by their signatures, are two contracts (see `decpContentSignature`). */
export function isOtherDecpContract(first: number, next: number): boolean {
  const lotA = first >>> 24;
  const lotB = next >>> 24;
  if (lotA !== 0 && lotB !== 0 && lotA !== lotB) return true;
  return (first & 0xfff) !== (next & 0xfff) && ((first >>> 12) & 0xfff) !== ((next >>> 12) & 0xfff);
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
