/**
 * The DECP keys (`buyerSiret|id`) already met in an import, held as 64-bit fingerprints (two
 * independent 32-bit hashes) in an open-addressing table: 9 bytes a slot instead of a string and
 * a Set entry per record, so memory stays small on millions of records. Two distinct keys share
 * a fingerprint with probability about n² / 2^65 (3 × 10^-8 for a million keys).
 */
export declare class DecpKeySet {
  private high;
  private low;
  private used;
  private count;
  get size(): number;
  /** Adds `key`; false when it was already there. */
  add(key: string): boolean;
  private insert;
  private grow;
}
