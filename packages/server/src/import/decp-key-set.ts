const INITIAL_CAPACITY = 1 << 16;

/**
 * The DECP keys (`buyerSiret|id`) already met in an import, held as 64-bit fingerprints (two
 * independent 32-bit hashes) in an open-addressing table: 9 bytes a slot instead of a string and
 * a Set entry per record, so memory stays small on millions of records. Two distinct keys share
 * a fingerprint with probability about n² / 2^65 (3 × 10^-8 for a million keys).
 */
export class DecpKeySet {
  private high = new Uint32Array(INITIAL_CAPACITY);
  private low = new Uint32Array(INITIAL_CAPACITY);
  private used = new Uint8Array(INITIAL_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    return this.insert(fnv1a(key), murmurLike(key));
  }

  private insert(high: number, low: number): boolean {
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    const mask = this.used.length - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    while (this.used[slot] === 1) {
      if (this.high[slot] === high && this.low[slot] === low) return false;
      slot = (slot + 1) & mask;
    }
    this.used[slot] = 1;
    this.high[slot] = high;
    this.low[slot] = low;
    this.count += 1;
    return true;
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Uint32Array(used.length * 2);
    this.low = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let i = 0; i < used.length; i += 1) if (used[i] === 1) this.insert(high[i] as number, low[i] as number);
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
