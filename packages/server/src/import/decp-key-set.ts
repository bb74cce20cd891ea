import { PairMap } from '@mutualis/core/collections';
import { isOtherDecpContract } from '@mutualis/core/decp';

/**
 * The DECP keys (`buyerSiret|id`) already met in an import, held as 64-bit fingerprints (two
 * independent 32-bit hashes) in a `PairMap` with the content signature of the first record of each
 * (`decpContentSignature`): 12 bytes a key instead of a string and a Map entry per record, so memory
 * stays small on millions of records. A key whose fingerprint is the free mark (0, 0) takes (0, 1).
 * Two distinct keys share a fingerprint with probability about n² / 2^65 (3 × 10^-8 for a million keys).
 */
export class DecpKeySet {
  private readonly fingerprints = new PairMap();

  get size(): number {
    return this.fingerprints.size;
  }

  /**
   * Adds `key`: `new` the first time; met before, `same` for a republication of that record, `other`
   * when the signatures tell another contract published under the same key (`isOtherDecpContract`).
   */
  add(key: string, signature: number): 'new' | 'same' | 'other' {
    const high = fnv1a(key);
    const low = murmurLike(key);
    const before = this.fingerprints.size;
    const first = this.fingerprints.setIfAbsent(high, high === 0 && low === 0 ? 1 : low, signature);
    if (this.fingerprints.size > before) return 'new';
    return isOtherDecpContract(first, signature) ? 'other' : 'same';
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function murmurLike(text: string): number {
  let hash = 0x2545f491 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    hash ^= k;
    hash = Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
